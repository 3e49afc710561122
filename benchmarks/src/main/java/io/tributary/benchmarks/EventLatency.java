package io.tributary.benchmarks;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Insert-to-event latency through the driver: one writer inserts a document stamped with {@code System.nanoTime()},
 * one watcher ({@code collection.watch()}) receives the event; the next insert waits for it, so every sample is one
 * unqueued trip (insert command, commit, wake-up, getMore reply). Also the CPU an idle driver-level stream costs.
 */
final class EventLatency {
  private EventLatency() {}

  static Samples measure(Servers.Running server, int events) throws InterruptedException {
    Samples samples = new Samples(events);
    try (MongoClient client = server.client()) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("latency");
      collection.insertOne(new Document("warm", true));
      Semaphore received = new Semaphore(0);
      try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
          collection.watch().maxAwaitTime(1, TimeUnit.SECONDS).cursor()) {
        Thread watcher = new Thread(() -> {
          for (int i = 0; i < events; i++) {
            ChangeStreamDocument<Document> event = cursor.next();
            samples.add(System.nanoTime() - event.getFullDocument().getLong("t"));
            received.release();
          }
        }, "bench-watcher");
        watcher.setDaemon(true);
        watcher.start();
        for (int i = 0; i < events; i++) {
          collection.insertOne(Crud.document(i));
          if (!received.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(server.name() + ": no event within 30 s after insert " + i);
          }
        }
        watcher.join();
      }
    }
    return samples;
  }

  /**
   * Process CPU milliseconds per second while one driver-level stream ({@code maxAwaitTime} 1 s) waits on a
   * collection nobody writes, minus the same process idling without it.
   */
  static double idleStreamCpu(Servers.Running server, long millis) throws InterruptedException {
    try (MongoClient client = server.client()) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("idle");
      collection.insertOne(new Document("warm", true));
      double without = cpuMillisPerSecond(millis);
      try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
          collection.watch().maxAwaitTime(1, TimeUnit.SECONDS).cursor()) {
        Thread watcher = new Thread(() -> {
          try {
            while (cursor.tryNext() == null && !Thread.currentThread().isInterrupted()) {
              // the driver issues the next getMore; the server parks it until maxAwaitTime
            }
          } catch (RuntimeException closed) {
            // the cursor was closed when the measurement ended
          }
        }, "bench-idle-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Thread.sleep(200);
        double with = cpuMillisPerSecond(millis);
        watcher.interrupt();
        return Math.max(0, with - without);
      }
    }
  }

  static double cpuMillisPerSecond(long millis) throws InterruptedException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    Thread.sleep(millis);
    return (os.getProcessCpuTime() - cpu) / 1e6 / ((System.nanoTime() - start) / 1e9);
  }
}
