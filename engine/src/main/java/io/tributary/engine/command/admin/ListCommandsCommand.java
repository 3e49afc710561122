package io.tributary.engine.command.admin;

import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * {@code listCommands}: every command this node runs, under its name and each alias, with the flags mongod
 * reports ({@code adminOnly}, {@code requiresAuth: false} since there is no access control). Stateless.
 */
public final class ListCommandsCommand implements SyncCommand {
  @Override
  public String name() {
    return "listCommands";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonDocument commands = new BsonDocument();
    for (Command registered : context.engine().commands().commands()) {
      BsonDocument description = describe(registered);
      commands.append(registered.name(), description);
      registered.aliases().forEach(alias -> commands.append(alias, description));
    }
    return new BsonDocument("commands", commands);
  }

  private static BsonDocument describe(Command command) {
    return new BsonDocument("help", new BsonString(""))
        .append("requiresAuth", BsonBoolean.FALSE)
        .append("secondaryOk", BsonBoolean.TRUE)
        .append("adminOnly", BsonBoolean.valueOf(command.adminOnly()))
        .append("apiVersions", new BsonArray())
        .append("deprecatedApiVersions", new BsonArray());
  }
}
