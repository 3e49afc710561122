package io.tributary.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.tributary.engine.Engine;
import io.tributary.engine.changestream.ChangeStreamCursor;
import io.tributary.engine.cursor.CursorBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Writer throughput while many change streams are open, and what the streams cost.
 *
 * <p>Thousands of driver-level streams would need thousands of connections (a waiting getMore holds its
 * connection), so the streams are opened in-process on the server's engine, exactly as the {@code aggregate} and
 * {@code getMore} commands open and continue them, and each keeps a getMore parked ({@code maxAwaitTimeMS} 60 s,
 * re-issued as soon as a batch returns, never on the thread that completed the batch). The writer is a driver client
 * inserting into {@code bench.hot}, flat out or paced, each document stamped with {@code System.nanoTime()} just
 * before it is sent. The streams:
 * <ul>
 *   <li>10 probes on {@code bench.hot} with no filter: they receive every event and time its delivery, from the
 *       writer's stamp to the completion of the probe's getMore (stamped on the thread that completes it, the
 *       server's). Each probe re-issues its getMore on a thread of its own, as a driver client blocked in
 *       {@code next()} would: the bulk streams' re-issue queue (one thread) must not delay them, or the probes
 *       time that queue rather than the server;
 *   <li>of the rest, half watch other collections ({@code bench.c0..c99}: never a match by namespace), a quarter
 *       watch {@code bench.hot} with {@code $match: {fullDocument.k: j}}, j one of 100 values, where the writer's
 *       {@code k} ranges over 10,000 values (each insert matches ~1% of them), and a quarter watch {@code bench.hot}
 *       for deletes only (never a match: the filter runs on every insert).
 * </ul>
 */
final class FanOut {
  static final int PROBES = 10;
  private static final long PARK_MILLIS = 60_000;
  private static final int BATCH_SIZE = 101;
  /** A paced writer that falls this far behind its schedule drops the missed slots rather than bursting. */
  private static final long MAX_PACE_LAG_NANOS = 10_000_000;

  private final Engine engine;
  private final List<ChangeStreamCursor> cursors = new ArrayList<>();
  /** The bulk streams' getMores are re-issued here, as the server's request workers would. */
  private final ExecutorService getMores = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "bench-getmore");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Samples delivery = new Samples(1 << 16);
  private volatile boolean stopped;

  FanOut(Engine engine) {
    this.engine = engine;
  }

  /** Opens {@code count} more streams of the mix above (probes first) and parks a getMore on each. */
  void open(int count) {
    for (int i = 0; i < count; i++) {
      int n = cursors.size();
      boolean probe = n < PROBES;
      ChangeStreamCursor cursor = engine.changeStreams().open("bench", aggregate(probe ? -1 : n),
          null, engine.cursors().newCursorId());
      cursors.add(cursor);
      if (probe) {
        startProbe(cursor, n);
      } else {
        park(cursor);
      }
    }
  }

  private static BsonDocument aggregate(int n) {
    String collection = n < 0 || n % 4 >= 2 ? "hot" : "c" + (n / 4 % 100);
    BsonArray pipeline = new BsonArray();
    pipeline.add(new BsonDocument("$changeStream", new BsonDocument()));
    if (n % 4 == 2) {
      // (n / 4) % 100: the streams with n % 4 == 2 spread over all 100 filters (n % 100 would reach only 25)
      pipeline.add(new BsonDocument("$match", new BsonDocument("fullDocument.k", new BsonInt32(n / 4 % 100))));
    } else if (n % 4 == 3) {
      pipeline.add(new BsonDocument("$match", new BsonDocument("operationType", new BsonString("delete"))));
    }
    return new BsonDocument("aggregate", new BsonString(collection)).append("pipeline", pipeline)
        .append("cursor", new BsonDocument());
  }

  private void park(ChangeStreamCursor cursor) {
    if (stopped) {
      return;
    }
    cursor.next(BATCH_SIZE, PARK_MILLIS).whenCompleteAsync((batch, failure) -> {
      if (failure == null) {
        park(cursor);
      }
    }, getMores);
  }

  private void startProbe(ChangeStreamCursor cursor, int n) {
    Thread thread = new Thread(() -> probe(cursor), "bench-probe-" + n);
    thread.setDaemon(true);
    thread.start();
  }

  /** A probe's loop: one getMore at a time, each re-issued as soon as the previous one's events are recorded. */
  private void probe(ChangeStreamCursor cursor) {
    while (!stopped) {
      Delivered delivered;
      try {
        delivered = cursor.next(BATCH_SIZE, PARK_MILLIS).thenApply(Delivered::now).join();
      } catch (CompletionException killed) {
        return; // close() killed the cursor
      }
      record(delivered);
    }
  }

  /** A probe's batch and when its getMore completed, stamped by the thread that completed it. */
  private record Delivered(CursorBatch batch, long completedAt) {
    static Delivered now(CursorBatch batch) {
      return new Delivered(batch, System.nanoTime());
    }
  }

  private void record(Delivered delivered) {
    for (BsonDocument event : delivered.batch().documents()) {
      // One lookup per field: the events are encoded (RawBsonDocument), and each lookup scans their bytes.
      BsonValue full = event.get("fullDocument");
      BsonValue t = full != null && full.isDocument() ? full.asDocument().get("t") : null;
      if (t != null && t.isInt64()) {
        delivery.add(delivered.completedAt() - t.asInt64().getValue());
      }
    }
  }

  /**
   * The writer's rate and what each insert cost the whole process in CPU (client, server and every stream): the CPU
   * figure is steadier than the rate on a machine shared with other work, and its growth with the number of open
   * streams is the fan-out's cost per event.
   */
  record Rate(double opsPerSecond, double cpuMicrosPerInsert, double fanOutMicrosPerInsert) {}

  /** {@link #writerThroughput} after a warm-up of the same length, with the process CPU used while measuring. */
  static Rate writerRate(MongoClient client, Duration warmup, Duration measure) {
    writerThroughput(client, Duration.ZERO, warmup);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long fanOut = fanOutCpuNanos();
    double rate = writerThroughput(client, Duration.ZERO, measure);
    double inserts = Math.max(1, rate * measure.toNanos() / 1e9);
    return new Rate(rate, (os.getProcessCpuTime() - cpu) / 1e3 / inserts, (fanOutCpuNanos() - fanOut) / 1e3 / inserts);
  }

  /**
   * CPU time of the threads that run the fan-out: the engine's worker pool (the notifier's reader, the streams it
   * wakes, deadlines) and the threads re-issuing the streams' getMores (the probes' also read their events).
   */
  private static long fanOutCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("tributary-worker-")
          || info.getThreadName().equals("bench-getmore") || info.getThreadName().startsWith("bench-probe-"))) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  /** Single-document inserts per second into {@code bench.hot} from one driver client. */
  static double writerThroughput(MongoClient client, Duration warmup, Duration measure) {
    MongoCollection<Document> hot = hot(client);
    return Load.throughput(1, warmup, measure, (t, i) -> {
      insert(hot);
      return 1;
    });
  }

  /**
   * Inserts into {@code bench.hot} from one driver client at {@code perSecond} for {@code measure}; returns the rate
   * achieved (lower when the machine cannot keep the pace: a writer more than 10 ms behind its schedule drops the
   * missed slots instead of sending them in a burst, which would time a queue of the writer's own making).
   */
  static double pacedInserts(MongoClient client, double perSecond, Duration measure) {
    MongoCollection<Document> hot = hot(client);
    long interval = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    long end = start + measure.toNanos();
    long due = start;
    long inserts = 0;
    for (long now = start; now < end; now = System.nanoTime()) {
      if (now < due) {
        LockSupport.parkNanos(due - now);
        continue;
      }
      insert(hot);
      inserts++;
      due = Math.max(due + interval, now - MAX_PACE_LAG_NANOS);
    }
    return inserts / (measure.toNanos() / 1e9);
  }

  private static MongoCollection<Document> hot(MongoClient client) {
    return client.getDatabase("bench").getCollection("hot");
  }

  /** One insert, stamped with the time it is sent: the probes time each event's delivery from it. */
  private static void insert(MongoCollection<Document> hot) {
    hot.insertOne(new Document("k", ThreadLocalRandom.current().nextInt(10_000)).append("t", System.nanoTime()));
  }

  /**
   * Waits (up to a minute) until every stream has caught up and parked its getMore, so the server is idle and every
   * event written so far has reached the probes. Returns how long the streams took to catch up, in milliseconds
   * (the minute if they did not).
   */
  long awaitParked(Engine engine) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + 60_000_000_000L;
    while (engine.changeStreams().waitingStreams() < cursors.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  int size() {
    return cursors.size();
  }

  /** The probes' delivery latencies since the previous call. */
  Samples takeDelivery() {
    Samples taken = delivery;
    delivery = new Samples(1 << 16);
    return taken;
  }

  /** Closes every stream but the probes (the first {@value #PROBES} opened). */
  void closeAllButProbes() {
    List<ChangeStreamCursor> others = cursors.subList(PROBES, cursors.size());
    others.forEach(ChangeStreamCursor::close);
    others.clear();
  }

  void close() {
    stopped = true;
    cursors.forEach(ChangeStreamCursor::close);
    cursors.clear();
    getMores.shutdown();
  }
}
