package io.tributary.engine.failpoint;

import java.util.Collection;
import java.util.List;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * What the {@code failCommand} fail point does to one command, read from its {@code data}
 * (spec: unified-test-format.md "Server Fail Points"). mongod applies the parts in this order: close the
 * connection (the command does not run), block for {@code blockTimeMS}, fail with {@code errorCode}; a
 * {@code writeConcernError} is added to the reply of a command that ran. Immutable.
 *
 * @param blockTimeMS how long to delay the command, 0 for no delay
 * @param errorCode the code to fail with, or null to run the command
 * @param errorLabels the labels that replace the server's own, or null to keep them
 * @param writeConcernError the {@code writeConcernError} to add to the reply, or null
 */
public record FailCommand(boolean closeConnection, long blockTimeMS, Integer errorCode, List<String> errorLabels,
    BsonDocument writeConcernError) {

  /** The message mongod uses for a command failed by the fail point. */
  public static final String ERROR_MESSAGE = "Failing command via 'failCommand' failpoint";

  static FailCommand from(BsonDocument data) {
    long block = data.getBoolean("blockConnection", BsonBoolean.FALSE).getValue()
        ? data.getNumber("blockTimeMS", new BsonInt32(0)).longValue() : 0;
    Integer code = data.isNumber("errorCode") ? data.getNumber("errorCode").intValue() : null;
    List<String> labels = data.isArray("errorLabels")
        ? data.getArray("errorLabels").stream().filter(BsonValue::isString).map(v -> v.asString().getValue()).toList()
        : null;
    BsonDocument writeConcernError = data.isDocument("writeConcernError") ? data.getDocument("writeConcernError") : null;
    return new FailCommand(data.getBoolean("closeConnection", BsonBoolean.FALSE).getValue(), block, code,
        labels, writeConcernError);
  }

  /**
   * Whether the fail point's data selects a command: one of its names is in {@code failCommands}, and the
   * optional {@code appName} and {@code namespace} filters match.
   */
  static boolean selects(BsonDocument data, Collection<String> commandNames, String appName, String namespace) {
    if (!data.isArray("failCommands") || data.getArray("failCommands").stream()
        .noneMatch(name -> name.isString() && commandNames.contains(name.asString().getValue()))) {
      return false;
    }
    if (data.isString("appName") && !data.getString("appName").getValue().equals(appName)) {
      return false;
    }
    return !data.isString("namespace") || data.getString("namespace").getValue().equals(namespace);
  }
}
