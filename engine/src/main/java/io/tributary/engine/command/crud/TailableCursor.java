package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.changestream.AwaitData;
import io.tributary.engine.changestream.CommitWait;
import io.tributary.engine.cursor.BatchBudget;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.ServerCursor;
import io.tributary.engine.query.MatchResult;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.query.Projection;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * A tailable cursor on a capped collection or the oplog ({@code find} with {@code tailable}, optionally
 * {@code awaitData}; a {@link TailSource}): it remembers the position of the last document it examined and each
 * batch reads, from a fresh snapshot, the documents inserted after it, so an exhausted batch leaves the cursor open
 * instead of closing it. Thread-safe: state is guarded by
 * {@code this}; a {@code getMore} uses it at a time, but commit wake-ups, the await timer and {@code killCursors}
 * race with it.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>Position: {@code lastPosition} is that of the newest document examined (matched or not); the next batch
 *       scans from the one after it in natural order. If that document is gone when a getMore starts (capped
 *       deletion, a user's delete, oplog truncation), the cursor dies with CappedPositionLost (136), as mongod's
 *       collection scan does on restore.</li>
 *   <li>Waiting (awaitData): with nothing to return, a getMore parks as a change stream's does ({@link AwaitData}):
 *       it subscribes to the change streams' one oplog reader for writes to its source after the oplog time it read
 *       up to ({@link io.tributary.engine.changestream.ChangeStreams#awaitWrite}) and arms one timer for the
 *       getMore's {@code maxTimeMS}; a wake-up scans again on the worker and re-subscribes from the newer time if
 *       still nothing matched. No thread waits and nothing polls.</li>
 *   <li>{@code skip} and {@code limit} count over the cursor's whole life; it ends (id 0) once the limit is
 *       reached.</li>
 * </ul>
 */
final class TailableCursor implements ServerCursor {

  private final long id;
  private final Namespace namespace;
  private final BsonDocument lsid;
  private final Engine engine;
  private final TailSource source;
  private final Matcher matcher;
  private final Projection projection;
  private final boolean awaitData;
  private final AwaitData<CommitWait> getMores;
  private long skip;
  private long remaining;
  private long lastPosition;
  /** The newest oplog time visible when the last batch was read: a wait is for writes after it. */
  private BsonTimestamp readUpTo;

  /**
   * @param limit the most documents to return over the cursor's life, 0 for no limit
   */
  TailableCursor(long id, Namespace namespace, BsonDocument lsid, Engine engine, TailSource source,
      Matcher matcher, Projection projection, boolean awaitData, long skip, long limit) {
    this.id = id;
    this.namespace = namespace;
    this.lsid = lsid;
    this.engine = engine;
    this.source = source;
    this.matcher = matcher;
    this.projection = projection;
    this.awaitData = awaitData;
    this.skip = skip;
    this.remaining = limit > 0 ? limit : Long.MAX_VALUE;
    this.getMores = new Tail();
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

  /**
   * The find's first batch, read from its snapshot after {@code position} (0: from the first document; a filter's
   * lower bound on the oplog's {@code ts} may start later).
   */
  synchronized CursorBatch firstBatch(ReadView view, long position, int batchSize) {
    lastPosition = position;
    return new CursorBatch(scan(view, batchSize), null, remaining == 0);
  }

  @Override
  public CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis) {
    return getMores.next(batchSize, awaitData ? maxAwaitMillis : 0);
  }

  @Override
  public void close() {
    getMores.close();
  }

  /** The cursor's getMores: the documents inserted since the last batch, read for {@link AwaitData}. */
  private final class Tail extends AwaitData<CommitWait> {
    Tail() {
      super(TailableCursor.this, engine.scheduler(), engine.worker());
    }

    @Override
    protected CursorBatch read(int batchSize, Read read) {
      readUpTo = engine.oplog().lastVisible();
      try (Snapshot snapshot = engine.storage().snapshot()) {
        List<BsonDocument> documents = scan(snapshot, batchSize);
        return documents.isEmpty() && remaining > 0 ? null : new CursorBatch(documents, null, remaining == 0);
      }
    }

    @Override
    protected CursorBatch emptyBatch() {
      return new CursorBatch(List.of(), null, false);
    }

    @Override
    protected CommitWait awaitCommit(Runnable onCommit) {
      return engine.changeStreams().awaitWrite(source.watched(), readUpTo, onCommit);
    }
  }

  /** Up to {@code batchSize} (0: no limit) matching documents after the last one examined. */
  private List<BsonDocument> scan(ReadView view, int batchSize) {
    List<BsonDocument> batch = new ArrayList<>();
    BatchBudget budget = new BatchBudget();
    try (DocumentCursor documents = source.after(view, lastPosition)) {
      while (remaining > 0 && (batchSize == 0 || batch.size() < batchSize) && documents.hasNext()) {
        StoredDocument stored = documents.next();
        MatchResult match = matcher.match(stored.document());
        if (match.matched() && skip > 0) {
          skip--;
        } else if (match.matched()) {
          BsonDocument output = projection == null ? stored.document() : projection.apply(stored.document(), match);
          int size = BsonBytes.size(output);
          if (!budget.admits(size)) {
            break; // read again by the next batch
          }
          batch.add(output);
          budget.add(size);
          remaining--;
        }
        lastPosition = stored.recordId();
      }
    }
    return batch;
  }
}
