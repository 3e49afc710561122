package io.tributary.engine.changestream;

import io.tributary.engine.command.CommandContext;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/**
 * The hook through which the {@code aggregate} command opens a change stream: called for an aggregate whose
 * pipeline starts with {@code $changeStream}. Completes with the reply without {@code ok} (the
 * {@code cursor: {firstBatch, postBatchResumeToken, id, ns}} document), or fails with a
 * {@link io.tributary.engine.error.MongoError}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ChangeStreamOpener {
  CompletableFuture<BsonDocument> open(CommandContext context, BsonDocument aggregate);
}
