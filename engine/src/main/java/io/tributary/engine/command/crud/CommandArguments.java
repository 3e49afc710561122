package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reading a command document's arguments with mongod's type checks and messages. Stateless.
 */
public final class CommandArguments {
  private CommandArguments() {}

  /** The namespace named by the command's first field ({@code {find: "coll"}} in database {@code $db}). */
  public static Namespace namespace(CommandContext context, BsonDocument command) {
    String field = command.getFirstKey();
    BsonValue name = command.get(field);
    if (!name.isString()) {
      throw ErrorCode.INVALID_NAMESPACE.error("collection name has invalid type "
          + BsonTypeName.nameOf(name.getBsonType()));
    }
    return Namespace.of(context.database(), name.asString().getValue());
  }

  /**
   * The target of a document write ({@code insert}, {@code update}, {@code delete}, {@code findAndModify}), which
   * mongod refuses for system collections other than {@code system.js} and for the oplog: InvalidNamespace,
   * {@code cannot write to 'db.system.x'}.
   */
  public static Namespace writeTarget(CommandContext context, BsonDocument command) {
    Namespace namespace = namespace(context, command);
    boolean system = namespace.isSystem() && !namespace.collection().equals("system.js");
    boolean oplog = namespace.db().equals("local") && namespace.collection().startsWith("oplog.");
    if (system || oplog) {
      throw ErrorCode.INVALID_NAMESPACE.error("cannot write to '" + namespace + "'");
    }
    return namespace;
  }

  /**
   * Fails with mongod's IDL error (40415) when {@code document}, the element {@code path} of a command, has a field
   * outside {@code allowed}.
   */
  public static void requireKnownFields(BsonDocument document, String path, java.util.Set<String> allowed) {
    for (String field : document.keySet()) {
      if (!allowed.contains(field)) {
        throw ErrorCode.location(40415).error("BSON field '" + path + "." + field + "' is an unknown field.");
      }
    }
  }

  /** Whether {@code command} has any of {@code fields}; a loop, for the per-request checks of quick commands. */
  public static boolean hasAny(BsonDocument command, List<String> fields) {
    for (String field : fields) {
      if (command.containsKey(field)) {
        return true;
      }
    }
    return false;
  }

  /** An optional document argument; null when absent; TypeMismatch when it has another type. */
  public static BsonDocument document(BsonDocument command, String field) {
    BsonValue value = command.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isDocument()) {
      throw typeMismatch(field, "object", value);
    }
    return value.asDocument();
  }

  public static BsonDocument document(BsonDocument command, String field, BsonDocument defaultValue) {
    BsonDocument value = document(command, field);
    return value == null ? defaultValue : value;
  }

  /** An optional number argument as a long ({@code 5}, {@code 5L} and {@code 5.0} are accepted). */
  public static long longValue(BsonDocument command, String field, long defaultValue) {
    BsonValue value = command.get(field);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isNumber()) {
      throw typeMismatch(field, "number", value);
    }
    return value.asNumber().longValue();
  }

  /** A boolean argument; numbers are accepted as mongod does (non-zero is true). */
  public static boolean bool(BsonDocument command, String field, boolean defaultValue) {
    BsonValue value = command.get(field);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isBoolean()) {
      return value.asBoolean().getValue();
    }
    if (value.isNumber()) {
      return value.asNumber().doubleValue() != 0;
    }
    throw typeMismatch(field, "bool", value);
  }

  /**
   * The array at {@code path}'s last field ({@code "insert.documents"}): FailedToParse when missing, TypeMismatch
   * when not an array, as mongod's command parser answers.
   */
  static BsonArray requiredArray(BsonDocument command, String path) {
    BsonValue value = command.get(path.substring(path.indexOf('.') + 1));
    if (value == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("BSON field '" + path + "' is missing but a required field");
    }
    if (!value.isArray()) {
      throw typeMismatch(path, "array", value);
    }
    return value.asArray();
  }

  /** TypeMismatch (14) in mongod's words: {@code BSON field 'x' is the wrong type 'int', expected type 'bool'}. */
  public static MongoError typeMismatch(String field, String expected, BsonValue actual) {
    return ErrorCode.TYPE_MISMATCH.error("BSON field '" + field + "' is the wrong type '"
        + BsonTypeName.nameOf(actual.getBsonType()) + "', expected type '" + expected + "'");
  }
}
