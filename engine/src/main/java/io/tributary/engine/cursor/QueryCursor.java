package io.tributary.engine.cursor;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.operation.CursorTimeLimit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;

/**
 * A cursor over query results ({@code find}, non-change-stream {@code aggregate}): hands out the results of an
 * iterator in batches of at most {@code batchSize} documents and within a {@link BatchBudget}, as mongod does.
 * Never waits. Not thread-safe: the registry lets one command use it at a time.
 */
public final class QueryCursor implements ServerCursor {
  private final long id;
  private final Namespace namespace;
  private final BsonDocument lsid;
  private final Iterator<BsonDocument> results;
  private final AutoCloseable resources;
  private BsonDocument pending;
  private boolean closed;
  private CursorTimeLimit timeLimit;

  /**
   * @param resources closed with the cursor (for example the storage iterator under {@code results})
   */
  public QueryCursor(long id, Namespace namespace, BsonDocument lsid, Iterator<BsonDocument> results,
      AutoCloseable resources) {
    this.id = id;
    this.namespace = namespace;
    this.lsid = lsid;
    this.results = results;
    this.resources = resources;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public Namespace namespace() {
    return namespace;
  }

  @Override
  public BsonDocument lsid() {
    return lsid;
  }

  /** Bounds the server time of later batches by what the opening command's {@code maxTimeMS} left. */
  public void limitTime(CursorTimeLimit limit) {
    this.timeLimit = limit;
  }

  @Override
  public CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis) {
    return CompletableFuture.completedFuture(
        timeLimit == null ? nextBatch(batchSize) : timeLimit.run(() -> nextBatch(batchSize)));
  }

  /** The next batch, synchronously; {@code batchSize} 0 means only the byte limit applies. */
  public CursorBatch nextBatch(int batchSize) {
    List<BsonDocument> batch = new ArrayList<>();
    BatchBudget budget = new BatchBudget();
    while ((batchSize == 0 || batch.size() < batchSize) && hasNext()) {
      BsonDocument next = pending != null ? pending : results.next();
      pending = null;
      int size = BsonBytes.size(next);
      if (!budget.admits(size)) {
        pending = next;
        break;
      }
      batch.add(next);
      budget.add(size);
    }
    boolean exhausted = !hasNext();
    if (exhausted) {
      close();
    }
    return new CursorBatch(batch, null, exhausted);
  }

  private boolean hasNext() {
    return !closed && (pending != null || results.hasNext());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing cursor resources failed", e);
    }
  }
}
