package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code getLog}: mongod's in-memory logs. Tributary keeps none, so {@code global} and {@code startupWarnings}
 * are empty (mongosh asks for the startup warnings on connect). Stateless.
 */
public final class GetLogCommand implements SyncCommand {
  private static final List<String> LOGS = List.of("global", "startupWarnings");

  @Override
  public String name() {
    return "getLog";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonValue log = command.get(name());
    if (!log.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("Argument to getLog must be of type String; found " + log
          + " of type " + log.getBsonType());
    }
    String name = log.asString().getValue();
    if (name.equals("*")) {
      BsonArray names = new BsonArray();
      LOGS.forEach(logName -> names.add(new BsonString(logName)));
      return new BsonDocument("names", names);
    }
    if (!LOGS.contains(name)) {
      throw ErrorCode.OPERATION_FAILED.error("No log named '" + name + "'");
    }
    return new BsonDocument("totalLinesWritten", new BsonInt32(0)).append("log", new BsonArray());
  }
}
