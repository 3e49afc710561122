package io.tributary.engine.command;

import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/** A command that computes its reply on the calling thread. */
public interface SyncCommand extends Command {
  BsonDocument run(CommandContext context, BsonDocument command);

  @Override
  default CompletableFuture<BsonDocument> execute(CommandContext context, BsonDocument command) {
    try {
      return CompletableFuture.completedFuture(run(context, command));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
