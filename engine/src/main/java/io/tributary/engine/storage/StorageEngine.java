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

  /** Engine statistics for {@code serverStatus}; field names are the engine's own. */
  BsonDocument stats();

  @Override
  void close();
}
