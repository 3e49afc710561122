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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
 *       With a durable engine they become visible after a {@link StorageEngine#sync}: a command that must
 *       acknowledge only durable writes ({@code j: true}, {@code w: majority}) commits inside {@link #durably},
 *       which syncs on the committing thread once its commits are done; the background syncer syncs promptly after
 *       every other commit. Both capture {@link StoredOplog#lastCommitted()} <em>before</em> syncing, so every
 *       entry they make visible was written before the sync began.</li>
 *   <li>Commits inside {@link #durably} do not schedule the background sync: the sync that follows them covers
 *       them, and waking the syncer for each would cost a thread wake-up per durable write only for it to wait on
 *       the same sync (or, winning the race, to make the committing thread wait for it). If the work fails or the
 *       caller will not wait, the background sync is scheduled instead, so those commits still become visible.</li>
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
  private final TransactionPacking packing;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean syncScheduled = new AtomicBoolean();
  /** Whether the thread is inside {@link #durably}, whose own sync will cover its commits. */
  private final ThreadLocal<Boolean> syncsItself = ThreadLocal.withInitial(() -> false);

  public CommitSequencer(StorageEngine storage, ClusterClock clock, Clock wallClock, StoredOplog oplog,
      Executor syncExecutor) {
    this(storage, clock, wallClock, oplog, syncExecutor, TransactionPacking.DEFAULT);
  }

  /** @param packing how a transaction too large for one entry is stored as several */
  public CommitSequencer(StorageEngine storage, ClusterClock clock, Clock wallClock, StoredOplog oplog,
      Executor syncExecutor, TransactionPacking packing) {
    this.storage = storage;
    this.clock = clock;
    this.wallClock = wallClock;
    this.oplog = oplog;
    this.syncExecutor = syncExecutor;
    this.packing = packing;
  }

  /**
   * Writes {@code batch} plus one oplog entry per operation atomically and returns the entries, oldest first. A
   * transaction ({@link Operation.ApplyOps}) too large for one entry is stored as several ({@link TransactionPacking},
   * {@link TransactionChain}) and returned as one entry at the time of the last.
   * With a durable engine the batch is synced soon in the background, or by the caller's {@link #durably}.
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
    if (storage.isDurable() && !syncsItself.get()) {
      requestSync();
    }
    return entries;
  }

  private List<OplogEntry> appendEntries(WriteBatch batch, List<Operation> operations, SessionInfo session) {
    List<OplogEntry> entries = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      BsonTimestamp time = clock.tick();
      OplogEntry entry = new OplogEntry(time, wallClock.millis(), operation, session);
      byte[] encoded = OplogEntryCodec.encode(entry);
      List<List<Operation>> parts = operation instanceof Operation.ApplyOps transaction
          && !packing.fitsOneEntry(transaction.operations(), encoded.length)
          ? packing.pack(transaction.operations()) : List.of();
      if (parts.size() > 1) {
        entry = appendChain(batch, entry, parts);
      } else {
        batch.put(KeySpace.OPLOG, KeyLayout.oplogKey(time), encoded);
      }
      entries.add(entry);
    }
    return entries;
  }

  /**
   * Stores a transaction too large for one entry as a chain of entries holding {@code parts} (at least two) at
   * consecutive times, from the time {@code whole} already has (mongod's multi-entry transaction); returns the whole
   * transaction at the commit's (the last entry's) time, as readers of the oplog see it.
   */
  private OplogEntry appendChain(WriteBatch batch, OplogEntry whole, List<List<Operation>> parts) {
    int count = parts.stream().mapToInt(List::size).sum();
    BsonTimestamp time = whole.clusterTime();
    BsonTimestamp previous = null;
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        previous = time;
        time = clock.tick();
      }
      TransactionChain link = i < parts.size() - 1 ? TransactionChain.partial(previous)
          : TransactionChain.commit(previous, count);
      OplogEntry stored = new OplogEntry(time, whole.wallTimeMillis(), new Operation.ApplyOps(parts.get(i), link),
          whole.session());
      batch.put(KeySpace.OPLOG, KeyLayout.oplogKey(time), OplogEntryCodec.encode(stored));
    }
    return new OplogEntry(time, whole.wallTimeMillis(), whole.operation(), whole.session());
  }

  /**
   * Runs {@code action} between commits (under the sequencer's lock), so that what it observes, such as a storage
   * snapshot and the cluster time, corresponds to exactly the commits made so far. It must be short.
   */
  public <T> T betweenCommits(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} (which commits), then, if {@code waitForSync} says so, syncs on this thread and makes
   * everything written so far visible: what a command whose write concern asks for durability runs, outside any
   * lock of its own so concurrent writers share syncs. If {@code waitForSync} says no (the caller will not wait),
   * the commits are synced in the background like any other; so are they if {@code work} or the sync fails. Nested
   * calls sync once, at the outermost, which alone asks {@code waitForSync}. With a non-durable engine it only runs
   * {@code work}.
   */
  public <T> T durably(Supplier<T> work, BooleanSupplier waitForSync) {
    if (!storage.isDurable() || syncsItself.get()) {
      return work.get();
    }
    boolean synced = false;
    syncsItself.set(true);
    try {
      T result = work.get();
      if (waitForSync.getAsBoolean()) {
        syncNow();
        synced = true;
      }
      return result;
    } finally {
      syncsItself.set(false);
      if (!synced) { // failed, or will not wait: what it committed still becomes durable and visible
        requestSync();
      }
    }
  }

  /** Syncs (a no-op for a non-durable engine) and makes everything written before the sync visible. */
  private void syncNow() {
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
