package io.tributary.benchmarks;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The storage floor: 100-byte puts straight into RocksDB through rocksdbjni, with the WAL on, either unsynced or
 * synced ({@code sync=true}, where RocksDB's own write group lets concurrent writers share one fsync). Open, it is
 * one database in a temporary directory; {@link #put} is thread-safe.
 */
final class RawRocksDb implements AutoCloseable {
  private static final int VALUE_BYTES = 100;

  private final Path directory;
  private final Options options;
  private final RocksDB db;
  private final WriteOptions write;
  private final byte[] value = new byte[VALUE_BYTES];

  private RawRocksDb(boolean sync) throws Exception {
    RocksDB.loadLibrary();
    directory = Files.createTempDirectory("rocksdb-baseline");
    options = new Options().setCreateIfMissing(true);
    db = RocksDB.open(options, directory.toString());
    write = new WriteOptions().setSync(sync);
  }

  /** A fresh database whose puts are synced or not. */
  static RawRocksDb open(boolean sync) throws Exception {
    return new RawRocksDb(sync);
  }

  /** Puts per second from {@code threads} writers into a fresh database. */
  static double puts(boolean sync, int threads, Duration warmup, Duration measure) throws Exception {
    try (RawRocksDb raw = open(sync)) {
      return Load.throughput(threads, warmup, measure, raw::put);
    }
  }

  /** One put of a key distinct per {@code thread} and {@code i}; a {@link Load.Operation}. */
  int put(int thread, long i) throws RocksDBException {
    db.put(write, ByteBuffer.allocate(16).putLong(thread).putLong(i).array(), value);
    return 1;
  }

  @Override
  public void close() {
    write.close();
    db.close();
    options.close();
    Servers.deleteTree(directory);
  }
}
