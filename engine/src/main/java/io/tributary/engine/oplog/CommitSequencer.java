package io.tributary.engine.oplog;

import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.BsonTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one commit path: every change to storage that the oplog must record goes through {@link #commit}.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>Under one lock, each operation gets the next {@link ClusterClock} tick, its encoded entry is added to the
 *       caller's batch, and the whole batch (documents, index entries, oplog entries) is written with one atomic
 *       {@link StorageEngine#write}. Hence oplog order is commit order and cluster times are strictly
 *       increasing.</li>
 *   <li>Visibility: with a non-durable engine entries become visible inside the lock, right after the write.
 *       With a durable engine they become visible after a {@link StorageEngine#sync}: the committing thread
 *       calls {@link #syncNow()} when the write must be durable before it is acknowledged ({@code j: true},
 *       {@code w: majority}); the background syncer syncs promptly after every commit anyway. Both capture {@link StoredOplog#lastCommitted()}
 *       <em>before</em> syncing, so every entry they make visible was written before the sync began.</li>
 *   <li>Syncing happens outside the lock, so concurrent writers share a sync (the storage engine's group
 *       commit) instead of queueing behind it.</li>
 * </ul>
 * Thread-safe.
 */
public final class CommitSequencer {
  private static final Logger LOG = LoggerFactory.getLogger(CommitSequencer.class);

  private final StorageEngine storage;
  private final ClusterClock clock;
  private final Clock wallClock;
  private final StoredOplog oplog;
  private final Executor syncExecutor;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean syncScheduled = new AtomicBoolean();

  public CommitSequencer(StorageEngine storage, ClusterClock clock, Clock wallClock, StoredOplog oplog,
      Executor syncExecutor) {
    this.storage = storage;
    this.clock = clock;
    this.wallClock = wallClock;
    this.oplog = oplog;
    this.syncExecutor = syncExecutor;
  }

  /**
   * Writes {@code batch} plus one oplog entry per operation atomically and returns the entries, oldest first.
   * With a durable engine the batch is synced soon in the background; a caller that must acknowledge only
   * durable writes calls {@link #syncNow()} afterwards (outside any lock of its own, so syncs are shared).
   *
   * @param session the session fields recorded on every entry, or null
   */
  public List<OplogEntry> commit(WriteBatch batch, List<Operation> operations, SessionInfo session) {
    if (batch.isEmpty() && operations.isEmpty()) {
      return List.of();
    }
    List<OplogEntry> entries;
    lock.lock();
    try {
      entries = appendEntries(batch, operations, session);
      storage.write(batch);
      if (!entries.isEmpty()) {
        oplog.committed(entries);
        if (!storage.isDurable()) {
          oplog.markDurable(oplog.lastCommitted());
        }
      }
    } finally {
      lock.unlock();
    }
    if (storage.isDurable()) {
      requestSync();
    }
    return entries;
  }

  private List<OplogEntry> appendEntries(WriteBatch batch, List<Operation> operations, SessionInfo session) {
    List<OplogEntry> entries = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      BsonTimestamp time = clock.tick();
      OplogEntry entry = new OplogEntry(time, wallClock.millis(), operation, session);
      batch.put(KeySpace.OPLOG, KeyLayout.oplogKey(time), OplogEntryCodec.encode(entry));
      entries.add(entry);
    }
    return entries;
  }

  /**
   * Runs {@code action} between commits (under the sequencer's lock), so that what it observes, such as a storage
   * snapshot and the cluster time, corresponds to exactly the commits made so far. It must be short.
   */
  public <T> T betweenCommits(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** Syncs (a no-op for a non-durable engine) and makes everything written before the sync visible. */
  public void syncNow() {
    BsonTimestamp upTo = oplog.lastCommitted();
    storage.sync();
    oplog.markDurable(upTo);
  }

  private void requestSync() {
    if (syncScheduled.compareAndSet(false, true)) {
      syncExecutor.execute(this::backgroundSync);
    }
  }

  private void backgroundSync() {
    // Cleared before syncing: a commit that lands during the sync schedules another one.
    syncScheduled.set(false);
    try {
      if (oplog.lastCommitted().compareTo(oplog.lastVisible()) > 0) {
        syncNow();
      }
    } catch (RuntimeException e) {
      LOG.error("background sync failed; oplog visibility is held back until the next sync", e);
    }
  }
}
