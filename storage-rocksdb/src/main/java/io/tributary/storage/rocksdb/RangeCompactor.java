package io.tributary.storage.rocksdb;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.RocksDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts key ranges emptied by a range delete, on one background thread, so that the caller of
 * {@code deleteRange} returns at once while the disk space is still reclaimed soon rather than whenever regular
 * compaction reaches the old files. The compaction is not exclusive, so regular compactions (and hence writers)
 * carry on meanwhile. Thread-safe.
 */
final class RangeCompactor {
  private static final Logger log = LoggerFactory.getLogger(RangeCompactor.class);

  private final NativeGuard guard;
  private final RocksDB db;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "tributary-rocksdb-compactor");
    t.setDaemon(true);
    return t;
  });

  RangeCompactor(NativeGuard guard, RocksDB db) {
    this.guard = guard;
    this.db = db;
  }

  void compactLater(ColumnFamilyHandle family, byte[] from, byte[] to) {
    thread.execute(() -> {
      try (CompactRangeOptions options = new CompactRangeOptions().setExclusiveManualCompaction(false)) {
        guard.run(() -> db.compactRange(family, from, to, options)); // flushes the memtable first if it overlaps
      } catch (RuntimeException e) {
        log.warn("compacting a deleted range failed; regular compaction will reclaim it", e);
      }
    });
  }

  /** Drops compactions not yet started; one in progress finishes before the database closes (the guard waits). */
  void stop() {
    thread.shutdownNow();
  }
}
