package io.tributary.engine.cursor;

import io.tributary.engine.Namespace;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/**
 * A server-side cursor that {@code getMore} continues: a query cursor or a change stream. Kept in the
 * {@link CursorRegistry}; a cursor is used by one command at a time.
 */
public interface ServerCursor {
  long id();

  /** The namespace reported in replies ({@code "db.coll"} or {@code "db.$cmd.aggregate"}). */
  Namespace namespace();

  /** The logical session that opened the cursor, or null. */
  BsonDocument lsid();

  /**
   * The next batch: at most {@code batchSize} documents (0 means no limit other than the 16 MiB reply size).
   * A tailable awaitData cursor with nothing to return completes the future when data arrives or after
   * {@code maxAwaitMillis}, holding no thread meanwhile.
   */
  CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis);

  /** Releases the cursor's resources; later calls to {@link #next} are not made. Idempotent. */
  void close();
}
