package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * A measurement, not a test: durable (synced) put throughput at 1 and 16 threads. Raw RocksDB puts are made
 * durable by a WAL sync per put ("no group commit"), by a {@link GroupCommit} sync ("group commit"), or by
 * RocksDB's {@code sync=true} (its own write-group fsync) for reference; "engine" is {@link RocksDbStorageEngine}
 * {@code write} + {@code sync}, the path of a {@code j: true} write. Run:
 * {@code java -cp <test classpath> io.tributary.storage.rocksdb.SyncedWriteThroughput [seconds] [dir]}.
 */
final class SyncedWriteThroughput {
  /** Makes one put durable before returning. */
  private interface DurablePut {
    void put(byte[] key, byte[] value) throws RocksDBException;
  }

  private SyncedWriteThroughput() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("synced-writes");
    RocksDB.loadLibrary();
    System.out.printf("%-18s %8s %10s %10s%n", "mode", "threads", "puts/s", "fsyncs/s");
    int run = 0;
    for (int threads : new int[] {1, 16}) {
      for (String mode : List.of("no group commit", "group commit", "rocksdb sync=true")) {
        measureRaw(mode, threads, seconds, root.resolve("run" + run++));
      }
      measureEngine(threads, seconds, root.resolve("run" + run++));
    }
  }

  private static void measureRaw(String mode, int threads, double seconds, Path dir) throws Exception {
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dir.toString());
        WriteOptions async = new WriteOptions();
        WriteOptions sync = new WriteOptions().setSync(true)) {
      AtomicLong walSyncs = new AtomicLong();
      GroupCommit groupCommit = new GroupCommit(() -> {
        db.syncWal();
        walSyncs.incrementAndGet();
      });
      DurablePut put = switch (mode) {
        case "no group commit" -> (key, value) -> {
          db.put(async, key, value);
          db.syncWal();
          walSyncs.incrementAndGet();
        };
        case "group commit" -> (key, value) -> {
          db.put(async, key, value);
          groupCommit.written();
          groupCommit.sync();
        };
        default -> (key, value) -> db.put(sync, key, value);
      };
      report(mode, threads, run(put, threads, seconds), mode.startsWith("rocksdb") ? -1 : walSyncs.get());
    }
  }

  private static void measureEngine(int threads, double seconds, Path dir) throws Exception {
    try (RocksDbStorageEngine engine = RocksDbStorageEngine.open(StorageOptions.at(dir))) {
      double[] result = run((key, value) -> {
        engine.write(new WriteBatch().put(KeySpace.OPLOG, key, value));
        engine.sync();
      }, threads, seconds);
      report("engine", threads, result, engine.stats().getInt64("walSyncs").getValue());
    }
  }

  /** Returns {puts, elapsed seconds}. */
  private static double[] run(DurablePut put, int threads, double seconds) throws InterruptedException {
    AtomicLong puts = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(new Thread(() -> {
        byte[] value = new byte[100];
        for (long n = 0; !stop.get(); n++) {
          try {
            put.put(ByteBuffer.allocate(12).putInt(thread).putLong(n).array(), value);
          } catch (RocksDBException e) {
            throw new IllegalStateException(e);
          }
          puts.incrementAndGet();
        }
      }));
    }
    long start = System.nanoTime();
    writers.forEach(Thread::start);
    Thread.sleep((long) (seconds * 1000)); // the measurement's duration
    stop.set(true);
    for (Thread writer : writers) {
      writer.join();
    }
    return new double[] {puts.get(), (System.nanoTime() - start) / 1e9};
  }

  private static void report(String mode, int threads, double[] result, long walSyncs) {
    String fsyncs = walSyncs < 0 ? "n/a" : String.format("%.0f", walSyncs / result[1]);
    System.out.printf("%-18s %8d %10.0f %10s%n", mode, threads, result[0] / result[1], fsyncs);
  }
}
