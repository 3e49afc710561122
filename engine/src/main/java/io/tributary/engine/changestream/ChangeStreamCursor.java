package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.BatchBudget;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.ServerCursor;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.Oplog;
import io.tributary.engine.oplog.OplogEntry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * A change stream's server cursor: reads the shared oplog from its own position, turns the entries it sees into
 * events, runs the user's stages and hands out batches. Thread-safe: state is guarded by {@code this}; a batch is
 * requested by one command at a time, but commit wake-ups, the await timer and {@code killCursors} race with it.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>Position: every oplog entry up to {@code position} has been turned into outputs; {@code ready} holds
 *       outputs not yet returned, {@code unread} entries fetched but not yet processed. Outputs are produced
 *       lazily, one entry at a time, so a full batch leaves the rest of the oplog untouched.
 *   <li>postBatchResumeToken (reference §1.6): the start token at first; the token of the last output returned;
 *       and, when a batch ends with nothing left to scan, the high-water mark of the newest entry scanned if that
 *       is later. It therefore advances on an idle stream as other namespaces are written.
 *   <li>Waiting: {@code next} never blocks. With nothing to return the getMore parks ({@link AwaitData}, the flow
 *       tailable awaitData cursors share): one timer for {@code maxAwaitMillis} and a subscription to the engine's
 *       {@link CommitNotifier} (one oplog reader for all streams, which wakes a stream only for entries its scope
 *       sees, and lets it skip the others); a commit wakes it on the worker executor, and if the new entries yield
 *       nothing it subscribes again until the timer ends the wait with an empty batch. An idle stream costs one
 *       subscription and one timer, no thread and no polling.
 *   <li>Invalidate (reference §1.11): the batch ends right after the invalidate, the cursor is exhausted and
 *       the postBatchResumeToken is the invalidate's token, even if the user's stages filtered it out.
 *   <li>Errors: a failure while producing events kills the cursor (reference §1.6) and carries the change-stream
 *       error labels ({@link ChangeStreamErrorLabels}).
 * </ul>
 */
public final class ChangeStreamCursor implements ServerCursor {
  private static final int READ_CHUNK = 256;
  /** A woken stream reads the few entries the notifier evaluated since its quiet point (one notifier chunk). */
  private static final int WAKE_READ_CHUNK = 64;

  private final long id;
  private final Namespace namespace;
  private final BsonDocument lsid;
  private final Oplog oplog;
  private final ResumeCheck resumeCheck;
  private final SharedEvents shared;
  private final Runtime runtime;
  private final AwaitData<CommitNotifier.Subscription> getMores;

  private final ArrayDeque<OplogEntry> unread = new ArrayDeque<>();
  private final ArrayDeque<StreamOutput> ready = new ArrayDeque<>();
  private BsonTimestamp position;
  private BsonTimestamp readPosition;
  /** True once {@code readPosition} is the time of an entry read (and not a start time between entries). */
  private boolean readPositionIsEntry;
  private ResumeToken postBatchResumeToken;
  private ResumeToken endToken;
  private boolean exhausted;

  /** The services a cursor runs on: timers on the scheduler, wake-ups and scans on the worker executor. */
  record Runtime(ScheduledExecutorService scheduler, Executor worker, Clock clock, CommitNotifier notifier) {}

  ChangeStreamCursor(long id, Namespace namespace, BsonDocument lsid, Oplog oplog, StartPoint start,
      Runtime runtime, SharedEvents shared) {
    this.id = id;
    this.namespace = namespace;
    this.lsid = lsid;
    this.oplog = oplog;
    this.runtime = runtime;
    this.shared = shared;
    this.resumeCheck = new ResumeCheck(start.token());
    this.position = start.scanAfter();
    this.readPosition = position;
    this.postBatchResumeToken = start.initialToken();
    this.getMores = new Events();
    runtime.notifier().streamOpened(shared);
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

  @Override
  public CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis) {
    return getMores.next(batchSize, maxAwaitMillis);
  }

  @Override
  public void close() {
    getMores.close();
  }

  /** The token the latest batch ended at; for tests and diagnostics. */
  public synchronized ResumeToken postBatchResumeToken() {
    return postBatchResumeToken;
  }

  /** The stream's getMores: what is new for it, read for {@link AwaitData}; called holding the lock. */
  private final class Events extends AwaitData<CommitNotifier.Subscription> {
    Events() {
      super(ChangeStreamCursor.this, runtime.scheduler(), runtime.worker());
    }

    /**
     * A getMore that may wait reads what the notifier evaluated, one that may not all that is visible; a woken
     * one what the notifier evaluated, and it does not check retention again. An empty batch of an open stream is
     * not answered (nor its token encoded) unless the getMore ends with it.
     */
    @Override
    protected CursorBatch read(int batchSize, Read read) {
      try {
        if (read != Read.WAKE_UP) {
          checkPositionRetained();
        }
        List<BsonDocument> documents = nextBatch(batchSize,
            read == Read.GET_MORE ? null : runtime.notifier().frontier());
        return documents.isEmpty() && !exhausted ? null : reply(documents);
      } catch (RuntimeException e) {
        throw ChangeStreamErrorLabels.label(MongoError.of(e));
      }
    }

    @Override
    protected CursorBatch emptyBatch() {
      return reply(List.of());
    }

    /** Subscribes to the next commit after what this cursor has read; the scan then runs on the worker. */
    @Override
    protected CommitNotifier.Subscription awaitCommit(Runnable onCommit) {
      // While a resume token is unverified the stream must read its entry itself, so every entry it sees wakes it.
      return runtime.notifier().subscribe(shared, readPosition, !resumeCheck.pending(), onCommit);
    }

    @Override
    protected void ended() {
      shared.release();
      runtime.notifier().streamClosed(shared);
    }
  }

  /** The reply for {@code documents}, ending at the current postBatchResumeToken; called holding the lock. */
  private CursorBatch reply(List<BsonDocument> documents) {
    return new CursorBatch(documents, postBatchResumeToken.toBson(), exhausted);
  }

  /**
   * The next batch's documents. Reads up to {@code scanLimit} (null: all that is visible). Streams that may wait
   * read only what the notifier evaluated ({@link CommitNotifier#frontier}), which their shape's memo holds: a new
   * entry is then evaluated once per shape by the reader, never by each stream reading ahead of it, so even a reader
   * that fell behind is not held up.
   */
  private List<BsonDocument> nextBatch(int batchSize, BsonTimestamp scanLimit) {
    List<BsonDocument> documents = new ArrayList<>();
    BatchBudget budget = new BatchBudget();
    while (!exhausted && (batchSize <= 0 || documents.size() < batchSize)) {
      StreamOutput output = nextOutput(scanLimit);
      if (output == null) {
        advanceToHighWaterMark();
        break;
      }
      if (!budget.admits(output.size())) {
        break;
      }
      ready.poll();
      postBatchResumeToken = output.token();
      if (output.document() != null) {
        documents.add(output.document());
        budget.add(output.size());
      }
      exhausted = output.token().equals(endToken);
    }
    return documents;
  }

  /** The next output without consuming it, scanning the oplog as needed; null when the scan is caught up. */
  private StreamOutput nextOutput(BsonTimestamp scanLimit) {
    while (ready.isEmpty()) {
      OplogEntry entry = nextEntry(scanLimit);
      if (entry == null) {
        return null;
      }
      process(entry);
      position = entry.clusterTime();
    }
    return ready.peek();
  }

  private OplogEntry nextEntry(BsonTimestamp scanLimit) {
    if (unread.isEmpty()) {
      skipQuietEntries();
      if (scanLimit != null && readPosition.compareTo(scanLimit) >= 0) {
        return null;
      }
      for (OplogEntry entry : oplog.readAfter(readPosition, scanLimit == null ? READ_CHUNK : WAKE_READ_CHUNK)) {
        if (scanLimit != null && entry.clusterTime().compareTo(scanLimit) > 0) {
          break;
        }
        unread.add(entry);
      }
      if (unread.isEmpty()) {
        return null;
      }
      readPosition = unread.peekLast().clusterTime();
      readPositionIsEntry = true;
    }
    return unread.poll();
  }

  /**
   * Jumps over oplog entries the notifier has read and this stream does not see, so a stream on a quiet namespace
   * advances its position (and postBatchResumeToken) without scanning other namespaces' writes; and over entries the
   * notifier found its shape drops, while it waited or since its previous batch. Not while a resume token is still
   * to be verified: its entry must be read. Called with nothing unread or ready.
   */
  private void skipQuietEntries() {
    if (resumeCheck.pending()) {
      return;
    }
    if (getMores.commit() != null) {
      skipTo(getMores.commit().quietThrough());
    }
    skipTo(runtime.notifier().quietUntil(shared, readPosition, true));
  }

  private void skipTo(BsonTimestamp quiet) {
    if (quiet.compareTo(readPosition) > 0) {
      readPosition = quiet;
      position = quiet;
      readPositionIsEntry = true;
    }
  }

  private void process(OplogEntry entry) {
    List<SharedEvents.Produced> produced = shared.produce(entry);
    List<ChangeEvent> events = new ArrayList<>(produced.size());
    produced.forEach(p -> events.add(p.event()));
    // The resume check admits a suffix of the entry's events (all of them once the token was found).
    List<ChangeEvent> admitted = resumeCheck.admit(entry.clusterTime(), events);
    for (SharedEvents.Produced p : produced.subList(produced.size() - admitted.size(), produced.size())) {
      for (StreamOutput output : p.outputs()) {
        if (!resumeCheck.delivered(output)) {
          ready.add(output);
        }
      }
      if (p.event().invalidate()) {
        // The stream ends here even when the user's stages dropped the invalidate itself.
        ready.add(new StreamOutput(p.event().token(), null, 0));
        endToken = p.event().token();
        return;
      }
    }
  }

  /**
   * A live stream whose next entries were truncated away cannot continue (reference §1.10 case 3): it fails as
   * not resumable rather than silently skipping events. Checked once per getMore (one look at the oplog's edge),
   * not on every commit that wakes a waiting getMore: retention only removes entries far older than a waiting
   * stream's position.
   */
  private void checkPositionRetained() {
    if (!unread.isEmpty()) {
      return;
    }
    // The entry last read must still be there (else its successor may be gone too); from a start time between
    // entries, the stream needs everything from the next tick on, as the check at open demands (which also
    // exempts a start in second 0: a stream opened on an empty oplog, before anything could be lost).
    if (!readPositionIsEntry && readPosition.getTime() == 0) {
      return;
    }
    BsonTimestamp firstNeeded = readPositionIsEntry ? readPosition : new BsonTimestamp(readPosition.getValue() + 1);
    BsonTimestamp oldest = oplog.oldestRetained();
    if (oldest != null && oldest.compareTo(firstNeeded) > 0) {
      throw StartPoint.historyLost();
    }
  }

  private void advanceToHighWaterMark() {
    // Tokens order by cluster time first, and at one time a high-water mark sorts before any event token, so the
    // mark is later only at a later time: built only then (most batches end at their last event's entry).
    if (position.compareTo(postBatchResumeToken.clusterTime()) > 0) {
      postBatchResumeToken = ResumeToken.highWaterMark(position);
    }
  }
}
