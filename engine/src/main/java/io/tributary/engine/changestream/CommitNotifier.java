package io.tributary.engine.changestream;

import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.Oplog;
import io.tributary.engine.oplog.OplogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.bson.BsonTimestamp;

/**
 * Wakes waiting change streams when oplog entries they see become visible: one oplog reader for all streams, and
 * parked streams indexed by what they watch, so a commit wakes only the streams it concerns. Thread-safe.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>One registration: the oplog completes visibility futures on the committing thread, so at most one future
 *       is armed (after the newest entry read); its completion hands one task to the worker executor. A commit
 *       costs the writer O(1) whatever the number of watchers (writers never wait for watchers).</li>
 *   <li>One reader: that task reads the new entries once and records them in {@link NamespaceActivity}; then it
 *       looks only at the subscribers of the namespaces written (collection streams by namespace, database streams
 *       by database, cluster streams always; a DDL entry looks at all) and wakes those the entries concern. A
 *       stream on a collection nobody writes is never woken: its cost per commit is zero.</li>
 *   <li>Skipping: a stream that is not woken has not read the entries it does not see; {@link #quietUntil} lets it
 *       jump over them when it next reads (for example when its {@code maxAwaitTimeMS} ends), so its
 *       postBatchResumeToken still advances to the newest entry without a scan.</li>
 *   <li>Filters: a woken candidate whose stream shape turns the new entries into nothing (its {@code $match}
 *       drops them) stays parked; the reader evaluates each entry once per shape through {@link SharedEvents}
 *       and records how far the stream is known to be quiet ({@link Subscription#quietThrough}).</li>
 *   <li>Lagging streams read the oplog (storage) themselves; the reader never waits for them.</li>
 * </ul>
 */
final class CommitNotifier {
  private static final int READ_CHUNK = 1024;
  /**
   * Filters are evaluated only over a few new entries: shapes remember their recent entries (SharedEvents), and a
   * reader that fell behind must not evaluate (entries × streams); woken streams then read for themselves.
   */
  private static final int FILTERED_ENTRIES = 64;
  private static final Object CLUSTER = new Object();

  private final Oplog oplog;
  private final Executor worker;
  private final NamespaceActivity activity; // guarded by this
  private final Map<Object, Set<Subscription>> waiting = new HashMap<>(); // guarded by this; keyed by key()
  private int waitingCount; // guarded by this
  private CompletableFuture<BsonTimestamp> armed; // guarded by this; null when nothing is registered

  CommitNotifier(Oplog oplog, Executor worker) {
    this.oplog = oplog;
    this.worker = worker;
    this.activity = new NamespaceActivity(oplog.lastVisible());
  }

  /** A registered callback; cancel it when the wait ends another way. */
  final class Subscription {
    private final ChangeStreamScope scope;
    private final Predicate<OplogEntry> yieldsOutput;
    private final Runnable onCommit;
    private BsonTimestamp after; // guarded by the notifier; raised over entries that yield the stream nothing

    private Subscription(ChangeStreamScope scope, BsonTimestamp after, Predicate<OplogEntry> yieldsOutput,
        Runnable onCommit) {
      this.scope = scope;
      this.after = after;
      this.yieldsOutput = yieldsOutput;
      this.onCommit = onCommit;
    }

    /** Every entry up to this time was found to yield the stream nothing. */
    BsonTimestamp quietThrough() {
      synchronized (CommitNotifier.this) {
        return after;
      }
    }

    void cancel() {
      synchronized (CommitNotifier.this) {
        remove(this);
      }
    }
  }

  /**
   * Runs {@code onCommit} once on the worker as soon as an entry later than {@code after} that {@code scope} might
   * see is visible (at once if one already is). With {@code yieldsOutput} (null: every entry the scope sees counts),
   * entries read while the stream waits that yield it nothing leave it parked: the stream's filter is evaluated by
   * the reader, once per entry and stream shape ({@link SharedEvents}), instead of waking the stream.
   */
  Subscription subscribe(ChangeStreamScope scope, BsonTimestamp after, Predicate<OplogEntry> yieldsOutput,
      Runnable onCommit) {
    Subscription subscription = new Subscription(scope, after, yieldsOutput, onCommit);
    synchronized (this) {
      if (!concerns(subscription)) {
        waiting.computeIfAbsent(key(scope), k -> new HashSet<>()).add(subscription);
        waitingCount++;
        if (armed == null) {
          arm();
        }
        return subscription;
      }
    }
    worker.execute(onCommit);
    return subscription;
  }

  /** How far a stream of {@code scope} that has read up to {@code position} may skip without reading. */
  synchronized BsonTimestamp quietUntil(ChangeStreamScope scope, BsonTimestamp position) {
    return activity.quietUntil(scope, position);
  }

  /** Streams currently parked; a gauge for tests and monitoring. */
  synchronized int waitingStreams() {
    return waitingCount;
  }

  /** Whether an entry read already concerns the subscriber; called holding the lock. */
  private boolean concerns(Subscription subscription) {
    return subscription.after.compareTo(activity.last()) < 0
        && activity.quietUntil(subscription.scope, subscription.after).equals(subscription.after);
  }

  /** Called holding the lock. Completes at once if an entry past the last one read is already visible. */
  private void arm() {
    CompletableFuture<BsonTimestamp> future = oplog.whenVisibleAfter(activity.last());
    armed = future;
    // The committing thread only hands one task to the worker: the reading and the fan-out run there.
    future.thenRunAsync(() -> wake(future), worker);
  }

  private void wake(CompletableFuture<BsonTimestamp> firing) {
    List<Subscription> ready = new ArrayList<>();
    synchronized (this) {
      if (firing != armed) {
        return;
      }
      armed = null;
      BsonTimestamp chunkStart = activity.last();
      List<OplogEntry> read = new ArrayList<>();
      Set<Object> written = readNewEntries(read);
      for (Object key : written == null ? List.copyOf(waiting.keySet()) : written) {
        for (Subscription subscription : waiting.getOrDefault(key, Set.of())) {
          if (concerns(subscription) && !staysQuiet(subscription, chunkStart, read)) {
            ready.add(subscription);
          }
        }
      }
      ready.forEach(this::remove);
      if (waitingCount > 0) {
        arm();
      }
    }
    ready.forEach(subscription -> worker.execute(subscription.onCommit));
  }

  /**
   * Whether the entries just read yield {@code subscription} nothing; if so its wait goes on and its position
   * moves past them. Only when those entries follow its position directly (older ones were not evaluated).
   */
  private boolean staysQuiet(Subscription subscription, BsonTimestamp chunkStart, List<OplogEntry> read) {
    if (subscription.yieldsOutput == null || subscription.after.compareTo(chunkStart) < 0
        || read.size() > FILTERED_ENTRIES) {
      return false;
    }
    try {
      for (OplogEntry entry : read) {
        if (entry.clusterTime().compareTo(subscription.after) > 0 && subscription.scope.sees(entry.operation())
            && subscription.yieldsOutput.test(entry)) {
          return false;
        }
      }
    } catch (RuntimeException e) {
      return false; // the stream meets the failure itself when it reads the entry
    }
    subscription.after = activity.last();
    return true;
  }

  /** Reads the visible entries after the last one read into {@code read}; the keys they concern, or null for all. */
  private Set<Object> readNewEntries(List<OplogEntry> read) {
    Set<Object> written = new LinkedHashSet<>();
    written.add(CLUSTER);
    boolean all = false;
    for (List<OplogEntry> entries = oplog.readAfter(activity.last(), READ_CHUNK); !entries.isEmpty();
        entries = oplog.readAfter(activity.last(), READ_CHUNK)) {
      read.addAll(entries);
      for (OplogEntry entry : entries) {
        activity.record(entry);
        for (Operation operation : entry.operations()) { // a transaction: every namespace it touched
          if (NamespaceActivity.isDocumentOperation(operation)) {
            written.add(operation.namespace());
            written.add(operation.namespace().db());
          } else {
            all = true;
          }
        }
      }
    }
    return all ? null : written;
  }

  private void remove(Subscription subscription) {
    Object key = key(subscription.scope);
    Set<Subscription> subscriptions = waiting.get(key);
    if (subscriptions != null && subscriptions.remove(subscription)) {
      waitingCount--;
      if (subscriptions.isEmpty()) {
        waiting.remove(key);
      }
    }
  }

  private static Object key(ChangeStreamScope scope) {
    if (scope instanceof ChangeStreamScope.Collection collection) {
      return collection.namespace();
    }
    return scope instanceof ChangeStreamScope.Database database ? database.db() : CLUSTER;
  }
}
