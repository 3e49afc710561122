package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * {@code configureFailPoint} (a test command: registered only with {@code enableTestCommands}):
 * {@code {configureFailPoint: name, mode, data}}; replies with {@code count}, how often the fail point had fired.
 */
public final class ConfigureFailPointCommand implements SyncCommand {
  @Override
  public String name() {
    return "configureFailPoint";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonValue name = command.get(name());
    if (!name.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("failpoint name must be a string");
    }
    BsonDocument data = command.isDocument("data") ? command.getDocument("data") : new BsonDocument();
    long count = context.engine().failPoints().configure(name.asString().getValue(), command.get("mode"), data);
    return new BsonDocument("count", new BsonInt64(count));
  }
}
