package io.tributary.engine.oplog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonTimestamp;

/**
 * Read access to the retained oplog, in cluster-time order. Only <em>visible</em> entries are returned: those
 * that are durable (with a non-durable engine: committed). Thread-safe.
 */
public interface Oplog {
  /** Visible entries with {@code clusterTime > after}, oldest first, at most {@code limit} of them. */
  List<OplogEntry> readAfter(BsonTimestamp after, int limit);

  /** The cluster time of the oldest retained entry, or null when the oplog is empty. */
  BsonTimestamp oldestRetained();

  /** The cluster time of the newest visible entry (the start of time when there is none). */
  BsonTimestamp lastVisible();

  /**
   * A future completed once {@link #lastVisible()} is later than {@code after} (at once if it already is). It is
   * completed on the committing thread: dependants must do little work there and never block.
   */
  CompletableFuture<BsonTimestamp> whenVisibleAfter(BsonTimestamp after);
}
