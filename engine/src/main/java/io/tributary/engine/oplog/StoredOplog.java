package io.tributary.engine.oplog;

import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.StorageEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bson.BsonTimestamp;

/**
 * The {@link Oplog} over the OPLOG key space, plus the bookkeeping of the commit path.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li><b>Committed vs visible.</b> {@link #committed} is called by the {@link CommitSequencer} under its lock,
 *       in cluster-time order, right after the batch was written; {@link #markDurable} later moves the visible
 *       point up to a time whose batches are durable. Readers only ever see entries at or before the visible
 *       point, so a watcher never sees an event that a crash could take back. The visible point only grows.</li>
 *   <li><b>Tail.</b> Recent entries are kept decoded in {@code tail}. Invariant: every committed entry later
 *       than {@code tailFloor} is in the tail. Trimming raises {@code tailFloor} first, then removes; a reader
 *       that served from the tail re-checks {@code tailFloor} and falls back to a storage seek if it moved.</li>
 *   <li><b>Transactions stored as several entries</b> ({@link TransactionChain}) are read as one entry at the
 *       commit's time holding all their operations: the sequencer hands the tail that entry, and a storage read
 *       skips the {@code partialTxn} entries and reads a commit's chain back. So readers never see a partial
 *       transaction, and a position is always a whole transaction's.</li>
 *   <li><b>Waiters</b> of {@link #whenVisibleAfter} are completed on the thread that advances visibility.</li>
 *   <li><b>Truncation</b> is {@link io.tributary.engine.storage.OplogRetention}'s job; it never deletes the
 *       newest entry, so a restart always finds the last cluster time. {@link #oldestRetained()} reads storage
 *       (one seek), so it reflects truncation at once; the tail may still hold truncated entries for a
 *       while, so readers check {@code oldestRetained()} before resuming.</li>
 * </ul>
 * Thread-safe.
 */
public final class StoredOplog implements Oplog {
  private static final BsonTimestamp ZERO = new BsonTimestamp(0, 0);

  private final StorageEngine storage;
  private final int tailCapacity;
  private final ConcurrentSkipListMap<BsonTimestamp, OplogEntry> tail = new ConcurrentSkipListMap<>();
  private final TreeMap<BsonTimestamp, List<CompletableFuture<BsonTimestamp>>> waiters = new TreeMap<>();
  private int tailSize; // guarded by the sequencer's lock (only committed() changes the tail)
  private volatile BsonTimestamp tailFloor;
  private volatile BsonTimestamp lastCommitted;
  private volatile BsonTimestamp lastVisible;

  private StoredOplog(StorageEngine storage, int tailCapacity) {
    this.storage = storage;
    this.tailCapacity = tailCapacity;
  }

  /** Opens the oplog stored in {@code storage}; everything already stored counts as durable. */
  public static StoredOplog open(StorageEngine storage, int tailCapacity) {
    StoredOplog oplog = new StoredOplog(storage, tailCapacity);
    BsonTimestamp newest = oplog.edge(true);
    newest = newest == null ? ZERO : newest;
    oplog.lastCommitted = newest;
    oplog.lastVisible = newest;
    oplog.tailFloor = newest;
    return oplog;
  }

  @Override
  public List<OplogEntry> readAfter(BsonTimestamp after, int limit) {
    BsonTimestamp visible = lastVisible;
    if (after.compareTo(visible) >= 0 || limit <= 0) {
      return List.of();
    }
    if (after.compareTo(tailFloor) >= 0) {
      List<OplogEntry> fromTail = readTail(after, visible, limit);
      if (after.compareTo(tailFloor) >= 0) {
        return fromTail;
      }
    }
    return readStorage(after, visible, limit);
  }

  /** At most {@code limit} entries of the tail: a reader far behind copies one chunk, not its whole backlog. */
  private List<OplogEntry> readTail(BsonTimestamp after, BsonTimestamp visible, int limit) {
    List<OplogEntry> entries = new ArrayList<>(Math.min(limit, 16));
    for (Iterator<OplogEntry> it = tail.subMap(after, false, visible, true).values().iterator();
        it.hasNext() && entries.size() < limit; ) {
      entries.add(it.next());
    }
    return entries;
  }

  private List<OplogEntry> readStorage(BsonTimestamp after, BsonTimestamp visible, int limit) {
    List<OplogEntry> entries = new ArrayList<>();
    byte[] from = KeyLayout.longKey(after.getValue() + 1);
    byte[] to = KeyLayout.longKey(visible.getValue() + 1);
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, from, to, false)) {
      while (it.hasNext() && entries.size() < limit) {
        OplogEntry entry = OplogEntryCodec.decode(it.next().value());
        TransactionChain chain = entry.operation() instanceof Operation.ApplyOps part ? part.chain() : null;
        if (chain == null) {
          entries.add(entry);
        } else if (!chain.partialTxn()) {
          entries.add(wholeTransaction(entry, chain));
        }
      }
    }
    return entries;
  }

  /**
   * The transaction a chain's commit entry ends, with the operations of all its entries, read back through their
   * {@code prevOpTime} links (mongod's {@code TransactionHistoryIterator}); as mongod, history truncated inside the
   * chain is {@code ChangeStreamHistoryLost} (286).
   */
  private OplogEntry wholeTransaction(OplogEntry commit, TransactionChain chain) {
    Deque<List<Operation>> parts = new ArrayDeque<>();
    parts.push(commit.operations());
    for (BsonTimestamp previous = chain.prevOpTime(); previous != null; ) {
      byte[] stored = storage.get(KeySpace.OPLOG, KeyLayout.oplogKey(previous));
      if (stored == null) {
        throw ErrorCode.CHANGE_STREAM_HISTORY_LOST.error("Oplog no longer has history necessary for $changeStream"
            + " to observe operations from a committed transaction.");
      }
      Operation.ApplyOps part = (Operation.ApplyOps) OplogEntryCodec.decode(stored).operation();
      parts.push(part.operations());
      previous = part.chain().prevOpTime();
    }
    List<Operation> operations = new ArrayList<>();
    parts.forEach(operations::addAll);
    return new OplogEntry(commit.clusterTime(), commit.wallTimeMillis(), new Operation.ApplyOps(operations),
        commit.session());
  }

  @Override
  public BsonTimestamp oldestRetained() {
    return edge(false);
  }

  private BsonTimestamp edge(boolean newest) {
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, newest)) {
      return it.hasNext() ? KeyLayout.oplogTime(it.next().key()) : null;
    }
  }

  @Override
  public BsonTimestamp lastVisible() {
    return lastVisible;
  }

  /** The newest entry written to storage, durable or not. */
  public BsonTimestamp lastCommitted() {
    return lastCommitted;
  }

  @Override
  public CompletableFuture<BsonTimestamp> whenVisibleAfter(BsonTimestamp after) {
    BsonTimestamp visible = lastVisible;
    if (visible.compareTo(after) > 0) {
      return CompletableFuture.completedFuture(visible);
    }
    CompletableFuture<BsonTimestamp> future = new CompletableFuture<>();
    synchronized (waiters) {
      List<CompletableFuture<BsonTimestamp>> atPosition = waiters.computeIfAbsent(after, t -> new ArrayList<>());
      atPosition.removeIf(CompletableFuture::isDone); // waiters cancel on timeout; an idle stream must not pile up
      atPosition.add(future);
    }
    // Visibility may have advanced between the check and the registration: complete such waiters now.
    completeWaiters(lastVisible);
    return future;
  }

  /** Records entries just written in one batch, oldest first. Called by the sequencer under its lock. */
  void committed(List<OplogEntry> entries) {
    for (OplogEntry entry : entries) {
      tail.put(entry.clusterTime(), entry);
    }
    tailSize += entries.size();
    lastCommitted = entries.get(entries.size() - 1).clusterTime();
    for (; tailSize > tailCapacity; tailSize--) {
      BsonTimestamp first = tail.firstKey();
      tailFloor = first; // volatile write: readers must see the raised floor before the entry disappears
      tail.remove(first);
    }
  }

  /** Makes every entry up to {@code durableUpTo} visible and wakes the waiters it satisfies. */
  void markDurable(BsonTimestamp durableUpTo) {
    synchronized (this) {
      if (durableUpTo.compareTo(lastVisible) <= 0) {
        return;
      }
      lastVisible = durableUpTo;
    }
    completeWaiters(durableUpTo);
  }

  private void completeWaiters(BsonTimestamp visible) {
    List<CompletableFuture<BsonTimestamp>> ready = new ArrayList<>();
    synchronized (waiters) {
      Map<BsonTimestamp, List<CompletableFuture<BsonTimestamp>>> satisfied = waiters.headMap(visible, false);
      satisfied.values().forEach(ready::addAll);
      satisfied.clear();
    }
    ready.forEach(f -> f.complete(visible));
  }
}
