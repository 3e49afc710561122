package io.tributary.engine.changestream;

import io.tributary.engine.oplog.Oplog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.BsonTimestamp;

/**
 * Wakes waiting change streams when new oplog entries become visible, with one registration on the oplog for all
 * of them. Thread-safe.
 *
 * <p>Implementation notes. The oplog completes its visibility futures on the committing thread; if every parked
 * {@code getMore} registered its own future, each commit would cost the writer one completion per watcher. Here at
 * most one future is armed, at the lowest position any subscriber waits after; its completion hands one task to
 * the worker executor, which picks the subscribers the new entries satisfy and runs each of their callbacks on the
 * worker. So a commit costs the writer O(1) whatever the number of watchers (writers never wait for watchers), and
 * the fan-out happens off the write path. The next step (issue 8) is to key subscribers by namespace so a commit
 * wakes only the streams it concerns.
 */
final class CommitNotifier {
  private final Oplog oplog;
  private final Executor worker;
  private final Set<Subscription> waiting = new HashSet<>(); // guarded by this
  private CompletableFuture<BsonTimestamp> armed; // guarded by this; null when nothing is registered

  CommitNotifier(Oplog oplog, Executor worker) {
    this.oplog = oplog;
    this.worker = worker;
  }

  /** A registered callback; cancel it when the wait ends another way. */
  final class Subscription {
    private final BsonTimestamp after;
    private final Runnable onCommit;

    private Subscription(BsonTimestamp after, Runnable onCommit) {
      this.after = after;
      this.onCommit = onCommit;
    }

    void cancel() {
      synchronized (CommitNotifier.this) {
        waiting.remove(this);
      }
    }
  }

  /** Runs {@code onCommit} once on the worker as soon as an entry later than {@code after} is visible. */
  Subscription subscribe(BsonTimestamp after, Runnable onCommit) {
    Subscription subscription = new Subscription(after, onCommit);
    synchronized (this) {
      waiting.add(subscription);
      if (armed == null) {
        arm(after);
        return subscription;
      }
    }
    // Already armed at or below every waiting position; an entry past ours may already be visible.
    if (oplog.lastVisible().compareTo(after) > 0) {
      wake(null);
    }
    return subscription;
  }

  /** Streams currently parked; a gauge for tests and monitoring. */
  synchronized int waitingStreams() {
    return waiting.size();
  }

  /** Called holding the lock. Completes at once if an entry past {@code after} is already visible. */
  private void arm(BsonTimestamp after) {
    CompletableFuture<BsonTimestamp> future = oplog.whenVisibleAfter(after);
    armed = future;
    // The committing thread only hands one task to the worker: the fan-out runs there.
    future.thenRunAsync(() -> wake(future), worker);
  }

  /**
   * Runs the callbacks of the subscribers the visible entries satisfy. {@code firing} is the armed future that
   * completed (null for a direct wake): only its completion re-arms, so there is never more than one registration.
   */
  private void wake(CompletableFuture<BsonTimestamp> firing) {
    List<Subscription> ready = new ArrayList<>();
    synchronized (this) {
      BsonTimestamp visible = oplog.lastVisible();
      BsonTimestamp lowest = null;
      for (Subscription subscription : waiting) {
        if (visible.compareTo(subscription.after) > 0) {
          ready.add(subscription);
        } else if (lowest == null || subscription.after.compareTo(lowest) < 0) {
          lowest = subscription.after;
        }
      }
      waiting.removeAll(ready);
      if (firing == armed) {
        armed = null;
      }
      if (armed == null && lowest != null) {
        arm(lowest);
      }
    }
    ready.forEach(subscription -> worker.execute(subscription.onCommit));
  }
}
