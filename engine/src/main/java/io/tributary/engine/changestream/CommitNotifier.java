package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.Oplog;
import io.tributary.engine.oplog.OplogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.BsonTimestamp;

/**
 * Wakes waiting change streams when oplog entries that give them something to return become visible: one oplog
 * reader for all streams, which evaluates each new entry once per stream shape and wakes only the streams whose
 * shape produced output. Thread-safe.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>One registration: the oplog completes visibility futures on the committing thread, so at most one future
 *       is armed (after the newest entry read); its completion hands one task to the worker executor. A commit
 *       costs the writer O(1) whatever the number of watchers (writers never wait for watchers).</li>
 *   <li>One reader: that task reads the new entries in chunks of {@value #CHUNK}; for each entry, in order, the
 *       {@link ParkedStreams} evaluate the shapes that might see it and pick the streams to wake, then
 *       {@link NamespaceActivity} records it. The cost per entry is O(shapes touched + streams woken), never
 *       O(streams): a stream whose shape drops the entry, or whose scope does not see it, is not looked at.</li>
 *   <li>Quiet points: every entry the reader has read after a parked filtered stream's position yields it nothing
 *       (else it would have been woken), so the stream is quiet through the newest entry read
 *       ({@link Subscription#quietThrough}); a stream that was never parked skips what its scope does not see
 *       ({@link #quietUntil}). Either way its postBatchResumeToken advances without a scan.</li>
 *   <li>Waking: after each chunk the lock is released and the woken streams build their batches on the reader's
 *       thread, straight from the shapes' memo of the entries just evaluated (no task per stream). Lagging streams
 *       (never parked) read the oplog themselves on their own getMore; the reader never waits for them.</li>
 *   <li>The reader runs until it has caught up with the visible oplog, then re-arms while any stream is open.
 *       Commits that arrive meanwhile are read in its next chunk. Streams that may wait read only up to its
 *       {@link #frontier}: a new entry is evaluated by the reader alone, so the work per entry does not grow with
 *       the streams at the head of the oplog, even when the reader falls behind.</li>
 * </ul>
 */
final class CommitNotifier {
  /** Entries evaluated between two releases of the lock (and two rounds of woken streams). */
  private static final int CHUNK = 64;

  private final Oplog oplog;
  private final Executor worker;
  private final ParkedStreams parked = new ParkedStreams(); // guarded by this
  private final CollectionWaiters waiters = new CollectionWaiters(this); // guarded by this
  private NamespaceActivity activity; // guarded by this
  private int openStreams; // guarded by this
  /** The reader's registration; also set while it reads, so one reader runs at a time. Guarded by this. */
  private CompletableFuture<BsonTimestamp> armed;

  CommitNotifier(Oplog oplog, Executor worker) {
    this.oplog = oplog;
    this.worker = worker;
    this.activity = new NamespaceActivity(oplog.lastVisible());
  }

  /** A parked stream's registration; cancel it when the wait ends another way. State guarded by the notifier. */
  final class Subscription implements CommitWait {
    final SharedEvents shape;
    final boolean filtered;
    private final Runnable onCommit;
    /** Every entry up to here yields the stream nothing; raised when the reader wakes it. */
    BsonTimestamp after;
    ParkedStreams.Group group; // null unless parked
    Subscription previous;
    Subscription next;

    private Subscription(SharedEvents shape, BsonTimestamp after, boolean filtered, Runnable onCommit) {
      this.shape = shape;
      this.after = after;
      this.filtered = filtered;
      this.onCommit = onCommit;
    }

    /** Every entry up to this time was found to yield the stream nothing. */
    BsonTimestamp quietThrough() {
      synchronized (CommitNotifier.this) {
        return group != null && filtered && activity.last().compareTo(after) > 0 ? activity.last() : after;
      }
    }

    @Override
    public void cancel() {
      synchronized (CommitNotifier.this) {
        parked.remove(this);
      }
    }
  }

  /**
   * Runs {@code onCommit} once on the worker as soon as an entry later than {@code after} that gives a stream of
   * {@code shape} something to return is visible (at once if an entry its scope might see was already read). A
   * {@code filtered} stream is woken only by entries its shape turns into output (evaluated once per shape and
   * entry); an unfiltered one by every entry its scope might see.
   */
  Subscription subscribe(SharedEvents shape, BsonTimestamp after, boolean filtered, Runnable onCommit) {
    Subscription subscription = new Subscription(shape, after, filtered, onCommit);
    synchronized (this) {
      if (!concerns(subscription)) {
        parked.add(subscription);
        if (armed == null) {
          arm();
        }
        return subscription;
      }
    }
    worker.execute(onCommit);
    return subscription;
  }

  /**
   * Runs {@code onCommit} once on the worker as soon as an oplog entry later than {@code after} that writes
   * {@code namespace} (null: any entry; and any DDL entry) is visible: the wait of a tailable awaitData cursor, read by the same one
   * reader as the streams'. When entries after {@code after} were already read it runs at once (the caller looks
   * again and waits from a later time if it finds nothing).
   */
  CommitWait awaitWrite(Namespace namespace, BsonTimestamp after, Runnable onCommit) {
    synchronized (this) {
      if (armed == null && openStreams == 0 && parked.size() == 0 && waiters.isEmpty()) {
        activity = new NamespaceActivity(oplog.lastVisible()); // an idle reader restarts at the head
      }
      if (after.compareTo(activity.last()) >= 0) {
        CommitWait wait = waiters.add(namespace, after, onCommit);
        if (armed == null) {
          arm();
        }
        return wait;
      }
    }
    worker.execute(onCommit);
    return CommitWait.NONE;
  }

  /**
   * How far a stream of {@code shape} that has read up to {@code position} may skip without reading: over entries
   * its scope does not see, and if it is {@code filtered} (no resume token left to verify) over entries the reader
   * found its shape turns into nothing.
   */
  synchronized BsonTimestamp quietUntil(SharedEvents shape, BsonTimestamp position, boolean filtered) {
    BsonTimestamp unseen = activity.quietUntil(shape.scope(), position);
    if (!filtered) {
      return unseen;
    }
    BsonTimestamp dropped = parked.quietThrough(shape, position, activity.last());
    return dropped.compareTo(unseen) > 0 ? dropped : unseen;
  }

  /**
   * The newest entry the reader has evaluated. Streams read no further when they may wait (a getMore with a
   * {@code maxAwaitTimeMS}, a wake-up): only the reader evaluates new entries, once per shape, and the streams
   * consume what it evaluated from the shapes' memo.
   */
  synchronized BsonTimestamp frontier() {
    return activity.last();
  }

  /**
   * A change stream opened: the reader follows the oplog while any stream is open, so its {@link #frontier} stays
   * current. When it starts from idle it starts from the newest entry: streams opened now read the older ones
   * themselves.
   */
  synchronized void streamOpened(SharedEvents shape) {
    if (openStreams++ == 0 && armed == null) {
      activity = new NamespaceActivity(oplog.lastVisible());
      arm();
    }
    parked.open(shape, activity.last());
  }

  /** A change stream closed. */
  synchronized void streamClosed(SharedEvents shape) {
    parked.close(shape);
    openStreams--;
  }

  /** Streams currently parked; a gauge for tests and monitoring. */
  synchronized int waitingStreams() {
    return parked.size();
  }

  /** Whether an entry read already concerns the subscriber; called holding the lock. */
  private boolean concerns(Subscription subscription) {
    return subscription.after.compareTo(activity.last()) < 0
        && quietUntil(subscription.shape, subscription.after, subscription.filtered).equals(subscription.after);
  }

  /** Called holding the lock. Completes at once if an entry past the last one read is already visible. */
  private void arm() {
    CompletableFuture<BsonTimestamp> future = oplog.whenVisibleAfter(activity.last());
    armed = future;
    // The committing thread only hands one task to the worker: the reading and the fan-out run there. Not
    // thenRunAsync: given the common pool on a 2-core machine it would start a new thread per commit.
    future.thenRun(() -> worker.execute(() -> read(future)));
  }

  private void read(CompletableFuture<BsonTimestamp> firing) {
    synchronized (this) {
      if (firing != armed) {
        return;
      }
    }
    List<Subscription> ready = new ArrayList<>();
    while (readChunk(ready)) {
      for (Subscription subscription : ready) {
        wake(subscription);
      }
      ready.clear();
    }
  }

  /** Evaluates the next entries for the parked streams; false once caught up (re-armed if streams are parked). */
  private synchronized boolean readChunk(List<Subscription> ready) {
    List<OplogEntry> entries = oplog.readAfter(activity.last(), CHUNK);
    if (entries.isEmpty()) {
      armed = null;
      if (parked.size() > 0 || openStreams > 0 || !waiters.isEmpty()) {
        arm();
      }
      return false;
    }
    for (OplogEntry entry : entries) {
      parked.wake(entry, activity.last(), ready);
      waiters.wake(entry, worker);
      activity.record(entry);
    }
    return true;
  }

  private static void wake(Subscription subscription) {
    try {
      subscription.onCommit.run();
    } catch (RuntimeException e) {
      // A watcher's failure is its own (the cursor fails its getMore); it must not stop the others' wake-ups.
    }
  }
}
