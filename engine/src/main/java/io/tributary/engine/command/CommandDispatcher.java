package io.tributary.engine.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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

  /**
   * As {@link #dispatch(ClientConnection, BsonDocument)}, but never blocks the calling thread on anything slow, so
   * a network event loop may call it: a quick request (see {@link Command#isQuick}) runs on the calling thread and
   * saves two thread hand-offs; any other runs on {@code workers}. By default every request runs on
   * {@code workers}.
   */
  default CompletableFuture<CommandResponse> dispatch(ClientConnection connection, BsonDocument command,
      Executor workers) {
    return CompletableFuture.supplyAsync(() -> dispatch(connection, command), workers)
        .thenCompose(response -> response);
  }
}
