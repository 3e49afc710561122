package io.tributary.benchmarks;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import io.tributary.engine.Engine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * bin/bench: measures Tributary and, in the same run, a baseline for every figure (a Netty echo, raw RocksDB puts,
 * the peer server mongo-java-server driven by the same client code), then prints a Markdown table of both and
 * their ratio. Arguments: {@code --quick} for a short run, and optionally section names to run only those. {@code --quick} takes about a minute, the default run a few minutes on 2 cores. Progress goes to
 * stderr, the table to stdout. Nothing here is asserted: figures are for reading, never for tests.
 */
public final class Bench {
  /**
   * The fan-out's paced writer, the same rate at every level: far below flat out (29,000-34,000/s on a quiet
   * machine), so its delivery latency is the fan-out's own and not the run queue of two saturated cores.
   */
  private static final double PACE = 2_000;
  /** A delivery p99.9 is reported only from windows of at least this many events (each reaching every probe). */
  private static final int P999_EVENTS = 5_000;

  private final Settings settings;
  private final Report report = new Report();

  /** How long and how much to measure. */
  record Settings(String mode, Duration warmup, Duration measure, int events, int echoes, List<Integer> streams,
      int resumeEntries, int resumeRepeats, long idleMillis, Interleaved.Plan crud) {
    static Settings of(boolean quick) {
      return quick
          ? new Settings("quick", Duration.ofMillis(300), Duration.ofSeconds(1), 400, 4_000,
              List.of(0, 100, 1_000, 10_000), 30_000, 5, 1_000,
              new Interleaved.Plan(Duration.ofMillis(200), 5_000, Duration.ofSeconds(5), 6))
          : new Settings("full", Duration.ofSeconds(1), Duration.ofSeconds(4), 3_000, 20_000,
              List.of(0, 100, 1_000, 10_000), 200_000, 15, 3_000,
              new Interleaved.Plan(Duration.ofMillis(500), 20_000, Duration.ofSeconds(10), 8));
    }
  }

  private Bench(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    boolean quick = arguments.contains("--quick");
    // Section names (latency crud durable fanout idle resume) select a subset, for profiling one of them.
    Set<String> only = new HashSet<>(arguments);
    only.remove("--quick");
    long start = System.nanoTime();
    Bench bench = new Bench(Settings.of(quick));
    bench.run(only);
    bench.report.print(System.out, bench.settings.mode(), (System.nanoTime() - start) / 1_000_000);
    System.exit(0); // drivers' and servers' daemon threads have been closed; do not wait for stragglers
  }

  private void run(Set<String> only) throws Exception {
    if (only.isEmpty() || only.contains("latency")) {
      latency(section("Netty echo", () -> NettyEcho.roundTrips(settings.echoes()).percentileMicros(50)));
    }
    if (only.isEmpty() || only.contains("crud")) {
      crud();
    }
    if (only.isEmpty() || only.contains("durable")) {
      durable();
    }
    if (only.isEmpty() || only.contains("fanout")) {
      fanOut();
    }
    if (only.isEmpty() || only.contains("idle")) {
      idleCpu();
    }
    if (only.isEmpty() || only.contains("resume")) {
      resume();
    }
  }

  private void latency(double echo) throws Exception {
    Samples peer = section("event latency: peer", () -> {
      try (Servers.Running server = Servers.peer()) {
        return EventLatency.measure(server, settings.events());
      }
    });
    Samples memory = section("event latency: Tributary inMemory", () -> {
      try (Servers.Running server = Servers.tributaryInMemory()) {
        return EventLatency.measure(server, settings.events());
      }
    });
    Samples durable = section("event latency: Tributary rocksdb", () -> {
      try (Servers.Running server = Servers.tributaryRocksDb(Clock.systemUTC())) {
        return EventLatency.measure(server, settings.events());
      }
    });
    for (String p : List.of("50", "99", "99.9")) {
      report.add(Figure.latency("insert→event p" + p + ", 1 watcher (inMemory)",
          memory.percentileMicros(Double.parseDouble(p)), "peer", peer.percentileMicros(Double.parseDouble(p))));
    }
    report.add(Figure.latency("insert→event p50, 1 watcher (inMemory)", memory.percentileMicros(50),
        "Netty echo round trip p50", echo));
    report.add(Figure.latency("insert→event p50, 1 watcher (rocksdb, visible once synced)",
        durable.percentileMicros(50), "peer (memory)", peer.percentileMicros(50)));
  }

  private void crud() throws Exception {
    Crud crud = new Crud(settings.warmup(), settings.measure());
    Crud.Compared compared = section("CRUD: peer and Tributary inMemory, interleaved",
        () -> crud.run(Servers::peer, Servers::tributaryInMemory, settings.crud()));
    Crud.Result peer = compared.peer();
    Crud.Result ours = compared.ours();
    crudFigures("insertOne, 1 client (inMemory)", "per insert", ours.insertOne(), peer.insertOne());
    crudFigures("insertMany ×" + Crud.BATCH + ", docs/s (inMemory)", "per document", ours.insertMany(),
        peer.insertMany());
    crudFigures("find by _id, 1 client (inMemory)", "per find", ours.findById(), peer.findById());
  }

  /**
   * A CRUD operation's rate, and where its time goes: the server's CPU (the process minus the client thread) and
   * the driver's own CPU per call, which a one-client rate pays in series with the server's whatever the server.
   */
  private void crudFigures(String name, String per, Load.Run ours, Load.Run peer) {
    report.add(Figure.throughput(name, ours.itemsPerSecond(), "peer", peer.itemsPerSecond()));
    report.add(new Figure("  server CPU " + per + " (process − client thread)", ours.restMicrosPerItem(), "µs",
        "peer", peer.restMicrosPerItem(), false));
    report.add(new Figure("  driver CPU " + per + " (client thread)", ours.clientMicrosPerItem(), "µs", "peer",
        peer.clientMicrosPerItem(), false));
  }

  private void durable() throws Exception {
    Durable.Level[] levels = new Durable.Level[2];
    double[] unsynced = section("durable writes: Tributary rocksdb and raw RocksDB sync=true, interleaved", () -> {
      try (Servers.Running server = Servers.tributaryRocksDb(Clock.systemUTC()); MongoClient client = server.client();
          RawRocksDb raw = RawRocksDb.open(true)) {
        Durable durable = new Durable(client, raw, settings.crud());
        levels[0] = durable.measure(1);
        levels[1] = durable.measure(16);
        Crud crud = new Crud(settings.warmup(), settings.measure());
        return new double[] {crud.inserts(server, 1, WriteConcern.W1), crud.inserts(server, 16, WriteConcern.W1)};
      }
    });
    for (int l = 0; l < levels.length; l++) {
      Durable.Level level = levels[l];
      String writers = level.writers() == 1 ? "1 writer" : level.writers() + " writers";
      String threads = level.writers() == 1 ? "1 thread" : level.writers() + " threads";
      report.add(Figure.throughput("insertOne j:true, " + writers + " (rocksdb)", level.inserts(),
          "raw RocksDB put sync=true, " + threads, level.rawPuts()));
      report.note(String.format("insertOne j:true, %s: %.2f WAL syncs per commit (%.1f commits per sync), %s µs per "
          + "sync (call to return); CPU per insert %s µs server, %s µs driver; w:1 (no sync wait, the request path's "
          + "own ceiling): %s ops/s", writers, level.syncsPerCommit(), 1 / level.syncsPerCommit(),
          Report.format(level.microsPerSync()), Report.format(level.serverCpuMicros()),
          Report.format(level.driverCpuMicros()), Report.format(unsynced[l])));
    }
    // One synchronous client pays a round trip and a sync in series; nothing overlaps them.
    report.note("1 writer, a w:1 round trip plus a raw synced put in series (the ceiling of j:true at 1 writer): "
        + Report.format(1 / (1 / unsynced[0] + 1 / levels[0].rawPuts())) + " ops/s");
    double rawUnsynced = section("durable writes: raw RocksDB sync=false",
        () -> RawRocksDb.puts(false, 1, settings.warmup(), settings.measure()));
    report.note("raw RocksDB put without sync, 1 thread (the floor of any unsynced write): "
        + Report.format(rawUnsynced) + " ops/s");
  }

  private void fanOut() throws Exception {
    section("fan-out", () -> {
      try (Servers.Tributarian server = Servers.tributaryInMemory(); MongoClient client = server.client()) {
        Engine engine = server.server().engine();
        FanOut streams = new FanOut(engine);
        // JIT warm-up: on a loaded 2-core machine the compilers are still busy after a few seconds.
        FanOut.writerThroughput(client, settings.warmup().multipliedBy(6), settings.measure());
        FanOut.Rate before = FanOut.writerRate(client, settings.warmup(), settings.measure());
        double idleBefore = EventLatency.cpuMillisPerSecond(settings.idleMillis());
        // The probes alone: the delivery baseline, and the first streams, so the JIT compiles the fan-out too.
        streams.open(FanOut.PROBES);
        FanOut.writerThroughput(client, settings.warmup().multipliedBy(3), settings.measure());
        Level aloneBefore = level(streams, client, engine);
        List<Level> levels = new ArrayList<>();
        long perStream = 0;
        for (int level : settings.streams().subList(1, settings.streams().size())) {
          long heapBefore = usedHeap();
          int opening = level - streams.size();
          streams.open(opening);
          perStream = (usedHeap() - heapBefore) / opening;
          levels.add(level(streams, client, engine));
        }
        Thread.sleep(500); // level() ends with every stream parked; let the last replies' threads go quiet
        double idleAfter = EventLatency.cpuMillisPerSecond(settings.idleMillis());
        int open = streams.size();
        // The probes alone again, so drift in the machine's load shows in the delivery baseline too.
        streams.closeAllButProbes();
        Level aloneAfter = level(streams, client, engine);
        Level alone = aloneBefore.pooledWith(aloneAfter);
        streams.close();
        // The baseline is measured before and after the streams, so drift in the machine's load shows.
        FanOut.Rate after = FanOut.writerRate(client, settings.warmup(), settings.measure());
        double base = (before.opsPerSecond() + after.opsPerSecond()) / 2;
        double baseCpu = (before.cpuMicrosPerInsert() + after.cpuMicrosPerInsert()) / 2;
        report.add(Figure.throughput("insertOne with 0 open streams (inMemory)", base, "", Double.NaN));
        report.add(new Figure("  process CPU per insert, 0 streams", baseCpu, "µs", "", Double.NaN, false));
        report.note("fan-out baseline: insertOne with 0 streams measured before (" + Report.format(before.opsPerSecond())
            + " ops/s, " + Report.format(before.cpuMicrosPerInsert()) + " µs CPU per insert) and after ("
            + Report.format(after.opsPerSecond()) + " ops/s, " + Report.format(after.cpuMicrosPerInsert())
            + " µs) the streams; the table shows the means");
        report.note(deliveryNote(aloneBefore, aloneAfter, levels));
        for (Level level : levels) {
          level.rows(new FanOut.Rate(base, baseCpu, Double.NaN), alone).forEach(report::add);
        }
        report.add(new Figure("heap per open stream (parked getMore), " + String.format("%,d", open) + " streams",
            perStream, "bytes", "", Double.NaN, false));
        report.add(new Figure("process CPU with " + String.format("%,d", open) + " idle streams",
            idleAfter, "ms/s", "0 streams", idleBefore, false));
        return null;
      }
    });
  }

  private static String deliveryNote(Level aloneBefore, Level aloneAfter, List<Level> levels) {
    StringBuilder note = new StringBuilder("fan-out delivery: from the writer's stamp (just before insertOne) to the "
        + "completion of the probe's getMore (on the server's thread), for every event of the window, its backlog "
        + "included; the baseline is the 10 probes alone, measured before and after the other streams and pooled ("
        + aloneBefore.summary() + "; then " + aloneAfter.summary() + ")");
    levels.forEach(level -> note.append("; ").append(String.format("%,d", level.streams())).append(" streams ")
        .append(level.summary()));
    return note.toString();
  }

  /** One level's measurements: the writer flat out, then paced, each followed by the streams catching up. */
  private Level level(FanOut streams, MongoClient client, Engine engine) throws InterruptedException {
    streams.takeDelivery();
    FanOut.Rate rate = FanOut.writerRate(client, settings.warmup(), settings.measure());
    long flatOutDrain = streams.awaitParked(engine);
    Samples flatOut = streams.takeDelivery();
    FanOut.pacedInserts(client, PACE, settings.warmup());
    streams.awaitParked(engine);
    streams.takeDelivery();
    double pacedRate = FanOut.pacedInserts(client, PACE, settings.measure());
    long pacedDrain = streams.awaitParked(engine);
    Level level = new Level(streams.size(), rate, flatOut, flatOutDrain, pacedRate, streams.takeDelivery());
    System.err.printf("  %,d streams: %s; caught up %,d ms after the paced run%n", level.streams(), level.summary(),
        pacedDrain);
    return level;
  }

  /** What {@link #level} measured with {@code streams} open streams. */
  private record Level(int streams, FanOut.Rate rate, Samples flatOut, long flatOutDrainMillis, double pacedRate,
      Samples paced) {
    /** Both runs' samples together (the rates averaged): a baseline measured twice. */
    Level pooledWith(Level other) {
      FanOut.Rate meanRate = new FanOut.Rate((rate.opsPerSecond() + other.rate.opsPerSecond()) / 2,
          (rate.cpuMicrosPerInsert() + other.rate.cpuMicrosPerInsert()) / 2,
          (rate.fanOutMicrosPerInsert() + other.rate.fanOutMicrosPerInsert()) / 2);
      return new Level(streams, meanRate, Samples.union(flatOut, other.flatOut),
          Math.max(flatOutDrainMillis, other.flatOutDrainMillis), (pacedRate + other.pacedRate) / 2,
          Samples.union(paced, other.paced));
    }

    /** The writer's rates and the samples behind the percentiles, for the notes. */
    String summary() {
      return String.format("flat out %s ops/s, %,d samples, caught up %,d ms after; paced %s/s, %,d samples",
          Report.format(rate.opsPerSecond()), flatOut.count(), flatOutDrainMillis, Report.format(pacedRate),
          paced.count());
    }

    /** This level's rows: the writer against {@code none} (no streams), delivery against the probes {@code alone}. */
    List<Figure> rows(FanOut.Rate none, Level alone) {
      String count = String.format("%,d", streams);
      List<Figure> rows = new ArrayList<>();
      rows.add(Figure.throughput("insertOne with " + count + " open streams", rate.opsPerSecond(), "0 streams",
          none.opsPerSecond()));
      rows.add(new Figure("  process CPU per insert, " + count + " streams", rate.cpuMicrosPerInsert(), "µs",
          "0 streams", none.cpuMicrosPerInsert(), false));
      rows.add(new Figure("  fan-out CPU per insert (notifier, woken streams, their getMores), " + count
          + " streams", rate.fanOutMicrosPerInsert(), "µs", "", Double.NaN, false));
      rows.add(Figure.latency("  delivery p50 to a probe, " + count + " streams, writer flat out (p99 "
          + Report.format(flatOut.percentileMicros(99)) + " µs)", flatOut.percentileMicros(50),
          "10 probes alone, flat out (p99 " + Report.format(alone.flatOut().percentileMicros(99)) + " µs)",
          alone.flatOut().percentileMicros(50)));
      List<String> percentiles = paced.count() >= P999_EVENTS * FanOut.PROBES
          && alone.paced().count() >= P999_EVENTS * FanOut.PROBES ? List.of("50", "99", "99.9") : List.of("50", "99");
      for (String p : percentiles) {
        double percentile = Double.parseDouble(p);
        rows.add(Figure.latency("  delivery p" + p + " to a probe, " + count + " streams, writer at "
            + Report.format(PACE) + "/s", paced.percentileMicros(percentile), "10 probes alone, same pace",
            alone.paced().percentileMicros(percentile)));
      }
      return rows;
    }
  }

  private void idleCpu() throws Exception {
    double peer = section("idle stream CPU: peer", () -> {
      try (Servers.Running server = Servers.peer()) {
        return EventLatency.idleStreamCpu(server, settings.idleMillis());
      }
    });
    double ours = section("idle stream CPU: Tributary", () -> {
      try (Servers.Running server = Servers.tributaryInMemory()) {
        return EventLatency.idleStreamCpu(server, settings.idleMillis());
      }
    });
    report.add(new Figure("CPU of 1 idle driver stream (maxAwaitTime 1 s), client + server", ours, "ms/s", "peer",
        peer, false));
  }

  private void resume() throws Exception {
    double[] micros = section("resume", () -> Resume.measure(settings.resumeEntries(), settings.resumeRepeats()));
    report.add(Figure.latency("resume from a token 1 h back, " + String.format("%,d", settings.resumeEntries())
        + "-entry oplog over 2 h (rocksdb)", micros[0], "token 1 min back", micros[1]));
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** One measured step; prints its name and duration to stderr. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws Exception;
  }

  private static <T> T section(String name, Step<T> step) throws Exception {
    System.err.println("» " + name);
    long start = System.nanoTime();
    T result = step.run();
    System.err.printf("  (%d ms)%n", (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
