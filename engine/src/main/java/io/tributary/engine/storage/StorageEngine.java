package io.tributary.engine.storage;

import org.bson.BsonDocument;

/**
 * The storage SPI: ordered key spaces, atomic write batches and consistent snapshots.
 *
 * <p>Contract, shared by every engine and checked by {@code StorageEngineContract} in the engine's test jar:
 * <ul>
 *   <li>{@link #write} applies a batch atomically; a reader (snapshot or plain read) sees all of it or none.</li>
 *   <li>Batches become visible in the order their {@code write} calls returned.</li>
 *   <li>{@link #sync} returns once every batch whose {@code write} returned before the call is durable;
 *       concurrent callers share one sync (group commit). A non-durable engine returns at once.</li>
 *   <li>Plain reads through this interface see the latest written state.</li>
 * </ul>
 * Thread-safe: any number of threads may read, write and sync concurrently. Writes of the engine are already
 * serialized by its commit sequencer, so implementations need not optimize for concurrent writers.
 */
public interface StorageEngine extends ReadView, AutoCloseable {
  /** {@code inMemory} or {@code rocksdb}: what {@code serverStatus.storageEngine.name} reports. */
  String name();

  /** Whether data survives the process: false for the in-memory engine. */
  boolean isDurable();

  void write(WriteBatch batch);

  void sync();

  Snapshot snapshot();

  /**
   * Deletes every key with {@code fromInclusive <= key < toExclusive} (null bounds are open) as one atomic batch,
   * and lets the engine reclaim the space soon, in the background. Meant for oplog truncation: a durable engine
   * writes one range tombstone and returns, so neither the caller nor writers wait however many keys the range
   * holds. Keys written into the range concurrently may or may not survive; snapshots taken before still see the
   * deleted keys.
   */
  default void deleteRange(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    WriteBatch batch = new WriteBatch();
    try (KeyValueIterator it = scan(space, fromInclusive, toExclusive, false)) {
      it.forEachRemaining(kv -> batch.delete(space, kv.key()));
    }
    write(batch);
  }

  /**
   * The approximate number of bytes the keys and values with {@code fromInclusive <= key < toExclusive} (null
   * bounds are open) occupy in the engine (on disk for a durable engine, compressed). Cheap: no full scan on
   * engines that override it. A range deleted by {@link #deleteRange} may still be counted until its space is
   * reclaimed, so to measure live data start the range at the first live key.
   */
  default long approximateSize(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    long total = 0;
    try (KeyValueIterator it = scan(space, fromInclusive, toExclusive, false)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        total += kv.key().length + kv.value().length;
      }
    }
    return total;
  }

  /**
   * The approximate number of keys in {@code space}, for statistics ({@code $collStats} of the oplog). Cheap on
   * engines that override it (RocksDB's estimate may lag behind range deletions); exact by default.
   */
  default long approximateCount(KeySpace space) {
    long count = 0;
    try (KeyValueIterator it = scan(space, null, null, false)) {
      for (; it.hasNext(); it.next()) {
        count++;
      }
    }
    return count;
  }

  /** Engine statistics for {@code serverStatus}; field names are the engine's own. */
  BsonDocument stats();

  @Override
  void close();
}
