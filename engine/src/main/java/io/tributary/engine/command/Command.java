package io.tributary.engine.command;

import io.tributary.engine.Engine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/**
 * One database command, such as {@code find} or {@code hello}. Each command is a small class registered in
 * {@link CommandRegistry}'s one explicit list.
 *
 * <p>The returned future completes with the command's reply <em>without</em> {@code ok}, {@code operationTime}
 * and {@code $clusterTime}: the dispatcher adds those. A failure is signalled by throwing (or completing
 * exceptionally with) a {@link io.tributary.engine.error.MongoError}. Most commands finish synchronously; a
 * command that waits (a {@code getMore} on an awaitData cursor) returns an incomplete future and holds no
 * thread while it waits. Implementations are thread-safe: one instance serves all connections.
 */
public interface Command {
  /** The name as it appears as the first key of the command document. */
  String name();

  /** Other names accepted for the same command, e.g. {@code isMaster} and {@code ismaster} for {@code hello}. */
  default List<String> aliases() {
    return List.of();
  }

  /** Whether the command writes; writes are refused when the caller asked for {@code w:0} validation etc. */
  default boolean isWrite() {
    return false;
  }

  /**
   * Whether the command may only run against the {@code admin} database (like mongod's {@code adminOnly()}); the
   * dispatcher refuses it elsewhere with {@code Unauthorized} (13).
   */
  default boolean adminOnly() {
    return false;
  }

  /**
   * Whether {@code command} (a request of this command in {@code database}, outside a transaction) is quick:
   * bounded work that never waits for anything slow (a sync, the write permit a transaction may hold, a deadline,
   * disk I/O) nor scans without bound, so it may run on a network event loop. Asked before the request is
   * validated: a malformed request may answer false or throw, and is then run and reported as usual on a worker.
   * Default false.
   */
  default boolean isQuick(Engine engine, String database, BsonDocument command) {
    return false;
  }

  CompletableFuture<BsonDocument> execute(CommandContext context, BsonDocument command);
}
