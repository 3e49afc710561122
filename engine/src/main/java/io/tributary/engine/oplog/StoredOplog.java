package io.tributary.engine.oplog;

import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
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
 *   <li><b>Waiters</b> of {@link #whenVisibleAfter} are completed on the thread that advances visibility.</li>
 *   <li><b>Truncation</b> deletes the oldest entries beyond {@code maxBytes} but never the newest visible
 *       entry, so a restart always finds the last cluster time. The tail may still hold truncated entries
 *       for a while; readers check {@link #oldestRetained()} before resuming.</li>
 * </ul>
 * Thread-safe.
 */
public final class StoredOplog implements Oplog {
  private static final BsonTimestamp ZERO = new BsonTimestamp(0, 0);

  private final StorageEngine storage;
  private final int tailCapacity;
  private final ConcurrentSkipListMap<BsonTimestamp, OplogEntry> tail = new ConcurrentSkipListMap<>();
  private final TreeMap<BsonTimestamp, List<CompletableFuture<BsonTimestamp>>> waiters = new TreeMap<>();
  private final AtomicLong retainedBytes = new AtomicLong();
  private int tailSize; // guarded by the sequencer's lock (only committed() changes the tail)
  private volatile BsonTimestamp tailFloor;
  private volatile BsonTimestamp lastCommitted;
  private volatile BsonTimestamp lastVisible;
  private volatile BsonTimestamp oldestRetained;

  private StoredOplog(StorageEngine storage, int tailCapacity) {
    this.storage = storage;
    this.tailCapacity = tailCapacity;
  }

  /** Opens the oplog stored in {@code storage}; everything already stored counts as durable. */
  public static StoredOplog open(StorageEngine storage, int tailCapacity) {
    StoredOplog oplog = new StoredOplog(storage, tailCapacity);
    BsonTimestamp oldest = null;
    BsonTimestamp newest = ZERO;
    long bytes = 0;
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, false)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        newest = KeyLayout.oplogTime(kv.key());
        oldest = oldest == null ? newest : oldest;
        bytes += kv.key().length + kv.value().length;
      }
    }
    oplog.oldestRetained = oldest;
    oplog.lastCommitted = newest;
    oplog.lastVisible = newest;
    oplog.tailFloor = newest;
    oplog.retainedBytes.set(bytes);
    return oplog;
  }

  @Override
  public List<OplogEntry> readAfter(BsonTimestamp after, int limit) {
    BsonTimestamp visible = lastVisible;
    if (after.compareTo(visible) >= 0 || limit <= 0) {
      return List.of();
    }
    if (after.compareTo(tailFloor) >= 0) {
      List<OplogEntry> fromTail = new ArrayList<>(tail.subMap(after, false, visible, true).values());
      if (after.compareTo(tailFloor) >= 0) {
        return fromTail.size() > limit ? fromTail.subList(0, limit) : fromTail;
      }
    }
    return readStorage(after, visible, limit);
  }

  private List<OplogEntry> readStorage(BsonTimestamp after, BsonTimestamp visible, int limit) {
    List<OplogEntry> entries = new ArrayList<>();
    byte[] from = KeyLayout.longKey(after.getValue() + 1);
    byte[] to = KeyLayout.longKey(visible.getValue() + 1);
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, from, to, false)) {
      while (it.hasNext() && entries.size() < limit) {
        entries.add(OplogEntryCodec.decode(it.next().value()));
      }
    }
    return entries;
  }

  @Override
  public BsonTimestamp oldestRetained() {
    return oldestRetained;
  }

  @Override
  public BsonTimestamp lastVisible() {
    return lastVisible;
  }

  /** The newest entry written to storage, durable or not. */
  public BsonTimestamp lastCommitted() {
    return lastCommitted;
  }

  /** Bytes of retained entries (keys and values), as counted for truncation. */
  public long retainedBytes() {
    return retainedBytes.get();
  }

  @Override
  public CompletableFuture<BsonTimestamp> whenVisibleAfter(BsonTimestamp after) {
    BsonTimestamp visible = lastVisible;
    if (visible.compareTo(after) > 0) {
      return CompletableFuture.completedFuture(visible);
    }
    CompletableFuture<BsonTimestamp> future = new CompletableFuture<>();
    synchronized (waiters) {
      waiters.computeIfAbsent(after, t -> new ArrayList<>()).add(future);
    }
    // Visibility may have advanced between the check and the registration: complete such waiters now.
    completeWaiters(lastVisible);
    return future;
  }

  /** Records entries just written in one batch, oldest first. Called by the sequencer under its lock. */
  void committed(List<OplogEntry> entries, long bytes) {
    for (OplogEntry entry : entries) {
      tail.put(entry.clusterTime(), entry);
    }
    tailSize += entries.size();
    lastCommitted = entries.get(entries.size() - 1).clusterTime();
    if (oldestRetained == null) {
      oldestRetained = entries.get(0).clusterTime();
    }
    retainedBytes.addAndGet(bytes);
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

  /**
   * Deletes the oldest entries while more than {@code maxBytes} are retained, keeping the newest visible entry.
   * Safe to run concurrently with commits; runs on the engine's scheduler.
   */
  public void truncate(long maxBytes) {
    long excess = retainedBytes.get() - maxBytes;
    if (excess <= 0) {
      return;
    }
    WriteBatch batch = new WriteBatch();
    BsonTimestamp newOldest = null;
    long freed = 0;
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, KeyLayout.oplogKey(lastVisible), false)) {
      while (it.hasNext() && freed < excess) {
        KeyValue kv = it.next();
        batch.delete(KeySpace.OPLOG, kv.key());
        freed += kv.key().length + kv.value().length;
        newOldest = KeyLayout.oplogTime(kv.key());
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    oldestRetained = firstAfter(newOldest);
    storage.write(batch);
    retainedBytes.addAndGet(-freed);
  }

  private BsonTimestamp firstAfter(BsonTimestamp time) {
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, KeyLayout.longKey(time.getValue() + 1), null, false)) {
      return it.hasNext() ? KeyLayout.oplogTime(it.next().key()) : lastCommitted;
    }
  }
}
