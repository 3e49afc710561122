package io.tributary.benchmarks;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * The storage floor: 100-byte puts straight into RocksDB through rocksdbjni, with the WAL on, either unsynced or
 * synced ({@code sync=true}, where RocksDB's own write group lets concurrent writers share one fsync).
 */
final class RawRocksDb {
  private static final int VALUE_BYTES = 100;

  private RawRocksDb() {}

  /** Puts per second from {@code threads} writers. */
  static double puts(boolean sync, int threads, Duration warmup, Duration measure) throws Exception {
    RocksDB.loadLibrary();
    Path directory = Files.createTempDirectory("rocksdb-baseline");
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, directory.toString());
        WriteOptions write = new WriteOptions().setSync(sync)) {
      byte[] value = new byte[VALUE_BYTES];
      return Load.throughput(threads, warmup, measure, (thread, i) -> {
        db.put(write, ByteBuffer.allocate(16).putLong(thread).putLong(i).array(), value);
        return 1;
      });
    } finally {
      Servers.deleteTree(directory);
    }
  }
}
