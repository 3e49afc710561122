package io.tributary.engine.command;

import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/**
 * Runs a command document and produces the reply: finds the command in the {@link CommandRegistry}, applies fail
 * points, turns a {@link io.tributary.engine.error.MongoError} into {@code {ok: 0, errmsg, code, codeName,
 * errorLabels}}, and adds {@code ok}, {@code operationTime} and {@code $clusterTime} to every reply.
 *
 * <p>The command document already has OP_MSG document sequences merged in as arrays and carries {@code $db}.
 * {@code dispatch} may block on storage, so callers must not call it from a network event loop; it never blocks
 * on a waiting cursor (the future completes later instead). Thread-safe.
 */
public interface CommandDispatcher {
  CompletableFuture<CommandResponse> dispatch(ClientConnection connection, BsonDocument command);
}
