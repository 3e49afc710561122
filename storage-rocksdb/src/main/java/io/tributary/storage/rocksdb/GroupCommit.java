package io.tributary.storage.rocksdb;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.RocksDBException;

/**
 * Group commit of the write-ahead log: concurrent {@link #sync} callers share one WAL sync. Thread-safe.
 *
 * <p>Implementation notes (leader/follower, without a lock):
 * <ul>
 *   <li>{@code written} counts batches whose write has returned, so each is in the WAL (in the OS at least);
 *       {@code synced} is the highest count known durable, written only by the leader.</li>
 *   <li>A caller needs {@code synced >= written-at-call}. If that already holds, it returns at once. Otherwise it
 *       tries to lead (one leader at a time, {@code leading}); if another leads, it parks until that sync ends and
 *       re-checks, because that sync may have started before its write. The leader reads {@code written} as the
 *       count its sync covers, syncs, publishes {@code synced}, stops leading and unparks every waiter.</li>
 *   <li>Why no lock: with a lock, the woken callers would re-acquire it one after another, each waiting for the
 *       previous one to be scheduled (on a busy 2-core machine a chain of wake-ups per sync), and the leader could
 *       not publish while a preempted caller held it. Here the woken callers re-check {@code synced} in parallel
 *       and the next leader is whoever wins {@code leading} first.</li>
 *   <li>No lost wake-up: a waiter enqueues itself, then re-reads {@code leading} before parking; the leader clears
 *       {@code leading}, then drains the queue. Either the waiter sees no leader or the leader sees the waiter.</li>
 *   <li>Reading {@code written} before the sync is what makes it safe: every batch counted there has returned
 *       from its write, so it is in the log the sync flushes. Leaders follow one another, so each covers at least
 *       what the previous one did and {@code synced} only grows.</li>
 *   <li>A failed sync wakes the waiters without advancing {@code synced}; one of them leads the retry.</li>
 * </ul>
 */
final class GroupCommit {
  private final NativeGuard.Action walSync;
  private final AtomicLong written = new AtomicLong();
  private volatile long synced;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong syncNanos = new AtomicLong();

  /** {@code walSync} makes everything written so far durable. */
  GroupCommit(NativeGuard.Action walSync) {
    this.walSync = walSync;
  }

  /** Records that one more batch's write has returned. */
  void written() {
    written.incrementAndGet();
  }

  /** Returns once every batch written before the call is durable. Interrupts are kept, not thrown. */
  void sync() throws RocksDBException {
    long target = written.get();
    boolean interrupted = false;
    try {
      while (synced < target) {
        if (leading.compareAndSet(false, true)) {
          lead();
        } else {
          interrupted |= awaitLeader();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void lead() throws RocksDBException {
    long covered = written.get();
    try {
      if (synced < covered) { // the previous leader may have covered it since the caller looked
        long start = System.nanoTime();
        walSync.run();
        synced = covered;
        syncs.incrementAndGet();
        syncNanos.addAndGet(System.nanoTime() - start);
      }
    } finally {
      leading.set(false);
      wakeWaiters();
    }
  }

  /**
   * Unparks the callers waiting now. Bounded by the count at the start: woken callers that must wait for the next
   * sync re-enqueue themselves behind them, and draining those too would wake them again and again.
   */
  private void wakeWaiters() {
    for (int n = waiting.size(); n > 0; n--) {
      Waiter waiter = waiting.poll();
      if (waiter == null) {
        return;
      }
      waiter.dequeued = true;
      LockSupport.unpark(waiter.thread);
    }
  }

  /** Parks until the current leader is done (or spuriously); returns whether the thread was interrupted. */
  private boolean awaitLeader() {
    Waiter self = new Waiter(Thread.currentThread());
    waiting.add(self);
    if (leading.get()) {
      LockSupport.park(this);
    }
    if (!self.dequeued) { // it did not park, or woke spuriously: rare, so the queue's linear remove is fine
      waiting.remove(self);
    }
    return Thread.interrupted(); // cleared, or an interrupted thread's park would return at once, again and again
  }

  /** A caller waiting for the leader; {@code dequeued} is set by the leader that took it off the queue. */
  private static final class Waiter {
    final Thread thread;
    volatile boolean dequeued;

    Waiter(Thread thread) {
      this.thread = thread;
    }
  }

  /** How many callers wait for a sync in flight; for tests. */
  int followers() {
    return waiting.size();
  }

  long batches() {
    return written.get();
  }

  /** How many WAL syncs ran: with many concurrent syncing writers, far fewer than their sync calls. */
  long syncs() {
    return syncs.get();
  }

  /** Time spent in the WAL syncs that succeeded, from the call until it returned on the leader's thread. */
  long syncMicros() {
    return syncNanos.get() / 1_000;
  }
}
