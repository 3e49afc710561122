package io.tributary.storage.rocksdb;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDBException;

/**
 * Group commit of the write-ahead log: concurrent {@link #sync} callers share one WAL sync. Thread-safe.
 *
 * <p>Implementation notes (leader/follower):
 * <ul>
 *   <li>{@code written} counts batches whose write has returned, so each is in the WAL (in the OS at least);
 *       {@code synced} is the highest count known durable.</li>
 *   <li>A caller needs {@code synced >= written-at-call}. If that already holds, it returns at once; if a sync is
 *       in flight it waits for it (a follower) and re-checks, because that sync may have started before its write;
 *       otherwise it becomes the leader: it reads {@code written} as the count its sync covers, syncs outside the
 *       lock, then publishes {@code synced} and wakes the followers.</li>
 *   <li>Reading {@code written} before the sync is what makes it safe: every batch counted there has returned
 *       from its write, so it is in the log the sync flushes.</li>
 *   <li>A failed sync wakes the followers without advancing {@code synced}; one of them leads the retry.</li>
 * </ul>
 */
final class GroupCommit {
  private final NativeGuard.Action walSync;
  private final AtomicLong written = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition syncDone = lock.newCondition();
  private long synced; // guarded by lock
  private boolean syncing; // guarded by lock
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
    lock.lock();
    try {
      while (synced < target) {
        if (syncing) {
          syncDone.awaitUninterruptibly();
        } else {
          lead();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Called with the lock held; releases it while syncing. */
  private void lead() throws RocksDBException {
    syncing = true;
    long covered = written.get();
    boolean done = false;
    lock.unlock();
    long start = System.nanoTime();
    try {
      walSync.run();
      done = true;
    } finally {
      lock.lock();
      syncing = false;
      if (done) {
        synced = Math.max(synced, covered);
        syncs.incrementAndGet();
        syncNanos.addAndGet(System.nanoTime() - start);
      }
      syncDone.signalAll();
    }
  }

  /** How many callers wait for a sync in flight; for tests. */
  int followers() {
    lock.lock();
    try {
      return lock.getWaitQueueLength(syncDone);
    } finally {
      lock.unlock();
    }
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
