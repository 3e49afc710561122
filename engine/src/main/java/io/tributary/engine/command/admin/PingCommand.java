package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonDocument;

/** {@code ping}: answers {@code ok: 1} (with the cluster time the dispatcher adds). Stateless. */
public final class PingCommand implements SyncCommand {
  @Override
  public String name() {
    return "ping";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    return new BsonDocument();
  }
}
