package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;

/**
 * A RocksDB snapshot: reads at the sequence number current when it was taken. Cursors opened from it keep their
 * own view and may outlive it. Not thread-safe; must be closed, or RocksDB keeps every version it can see.
 */
final class RocksDbSnapshot implements Snapshot, NativeGuard.Dependent {
  private final RocksDbStorageEngine engine;
  private final RocksDB db;
  private final org.rocksdb.Snapshot snapshot;
  private final ReadOptions readOptions;

  /** Takes a snapshot of {@code db}; call under the engine's guard. */
  RocksDbSnapshot(RocksDbStorageEngine engine, RocksDB db) {
    this.engine = engine;
    this.db = db;
    this.snapshot = db.getSnapshot();
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(KeySpace space, byte[] key) {
    return engine.get(space, key, readOptions);
  }

  @Override
  public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
    return engine.scan(space, fromInclusive, toExclusive, reverse, snapshot);
  }

  @Override
  public void close() {
    engine.release(this);
  }

  @Override
  public void free() {
    readOptions.close();
    db.releaseSnapshot(snapshot);
  }
}
