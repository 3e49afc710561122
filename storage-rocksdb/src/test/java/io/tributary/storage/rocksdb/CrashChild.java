package io.tributary.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.storage.WriteBatch;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The process {@link CrashRecoveryTest} kills. {@code write DBPATH ROUND THREADS}: each thread writes numbered
 * batches spanning three key spaces, syncs after each and then reports {@code synced ROUND THREAD N} on stdout,
 * until killed. {@code hold DBPATH}: opens the database, reports {@code open} and holds it until stdin closes.
 */
final class CrashChild {
  /** Keys per batch in DOCUMENTS; each batch also writes one OPLOG and one INDEXES key. */
  static final int DOCUMENTS_PER_BATCH = 5;

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    StorageEngine engine = RocksDbStorageEngine.open(StorageOptions.at(Path.of(args[1])));
    if (args[0].equals("hold")) {
      report("open");
      System.in.read();
      engine.close();
      return;
    }
    int round = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        for (int n = 0; ; n++) {
          engine.write(batch(round, thread, n));
          engine.sync();
          report("synced " + round + " " + thread + " " + n);
        }
      }).start();
    }
  }

  static WriteBatch batch(int round, int thread, int n) {
    String id = batchId(round, thread, n);
    byte[] value = id.getBytes(UTF_8);
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < DOCUMENTS_PER_BATCH; i++) {
      batch.put(KeySpace.DOCUMENTS, (id + "/" + i).getBytes(UTF_8), value);
    }
    batch.put(KeySpace.INDEXES, value, value);
    batch.put(KeySpace.OPLOG, ByteBuffer.allocate(12).putInt(round).putInt(thread).putInt(n).array(), value);
    return batch;
  }

  static String batchId(int round, int thread, int n) {
    return round + "/" + thread + "/" + n;
  }

  private static void report(String line) {
    PrintStream out = System.out;
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
