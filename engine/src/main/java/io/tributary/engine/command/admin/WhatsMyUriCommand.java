package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** {@code whatsmyuri}: the client's own address as the server sees it. Stateless. */
public final class WhatsMyUriCommand implements SyncCommand {
  @Override
  public String name() {
    return "whatsmyuri";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    return new BsonDocument("you", new BsonString(context.connection().remoteAddress()));
  }
}
