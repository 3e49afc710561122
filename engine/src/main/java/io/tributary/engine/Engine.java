package io.tributary.engine;

import io.tributary.engine.catalog.Catalog;
import io.tributary.engine.catalog.Writer;
import io.tributary.engine.changestream.ChangeStreamOpener;
import io.tributary.engine.changestream.ChangeStreams;
import io.tributary.engine.changestream.DocumentLookup;
import io.tributary.engine.changestream.ImageRetention;
import io.tributary.engine.command.CommandDispatcher;
import io.tributary.engine.command.CommandRegistry;
import io.tributary.engine.command.ConnectionStats;
import io.tributary.engine.command.OpCounters;
import io.tributary.engine.command.ServerParameters;
import io.tributary.engine.command.ServiceEntryPoint;
import io.tributary.engine.command.admin.ClusterParameters;
import io.tributary.engine.cursor.CursorRegistry;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.failpoint.FailPoints;
import io.tributary.engine.oplog.ClusterClock;
import io.tributary.engine.oplog.CommitSequencer;
import io.tributary.engine.oplog.Oplog;
import io.tributary.engine.oplog.StoredOplog;
import io.tributary.engine.oplog.TransactionPacking;
import io.tributary.engine.session.SessionCatalog;
import io.tributary.engine.session.SnapshotHistory;
import io.tributary.engine.storage.OplogRetention;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.ttl.TtlMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tributary node: a one-member replica set primary over a storage engine. The composition root: it opens the
 * catalog and the oplog from storage, starts the cluster clock after the last oplog entry, and wires the commit
 * path ({@link CommitSequencer}, {@link Writer}), cursors, sessions and the timer threads that commands share
 * ({@link #scheduler()}: cursor timeouts, awaitData waits, background syncs, oplog truncation) and the worker
 * that runs the change streams' fan-out and the wake-ups of waiting getMores ({@link Builder#worker}). Commands reach
 * everything through {@code CommandContext.engine()}. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** Decoded recent oplog entries kept in memory for change streams that keep up. */
  private static final int OPLOG_TAIL_ENTRIES = 10_000;
  /** mongod's {@code transactionLifetimeLimitSeconds}: older open transactions are aborted. */
  private static final long TRANSACTION_LIFETIME_MILLIS = 60_000;

  private final Builder config;
  private final Catalog catalog;
  private final StoredOplog oplog;
  private final ClusterClock clusterClock;
  private final CommitSequencer sequencer;
  private final Writer writer;
  private final CursorRegistry cursors;
  private final SnapshotHistory snapshots;
  private final SessionCatalog sessions = new SessionCatalog();
  private final ScheduledExecutorService scheduler;
  private final Executor worker;
  /** The worker when the engine made it (and shuts it down), else null. */
  private final ExecutorService workerPool;
  private final Instant startTime;
  private final ServerParameters parameters;
  private final FailPoints failPoints = new FailPoints();
  private final ConnectionStats connections = new ConnectionStats();
  private final OpCounters opCounters = new OpCounters();
  private final CommandRegistry commands;
  private final CommandDispatcher dispatcher;
  private final ChangeStreams changeStreams;
  private final TtlMonitor ttlMonitor;
  private final OplogRetention oplogRetention;

  private Engine(Builder config) {
    this.config = config;
    this.startTime = config.clock.instant();
    this.parameters = new ServerParameters(config.parameters);
    StorageEngine storage = config.storage;
    this.catalog = Catalog.load(storage);
    ClusterParameters.load(catalog, storage, parameters);
    this.oplog = StoredOplog.open(storage, OPLOG_TAIL_ENTRIES);
    this.clusterClock = new ClusterClock(config.clock);
    clusterClock.advanceTo(oplog.lastCommitted());
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, Engine::timerThread);
    timers.setRemoveOnCancelPolicy(true); // awaitData timers are cancelled on every commit that ends a wait
    this.scheduler = timers;
    this.workerPool = config.worker == null ? newWorkerPool() : null;
    this.worker = config.worker != null ? config.worker : workerPool;
    this.sequencer = new CommitSequencer(storage, clusterClock, config.clock, oplog, scheduler,
        new TransactionPacking(parameters.get("maxNumberOfTransactionOperationsInSingleOplogEntry").asNumber()
            .intValue(), TransactionPacking.MAX_BYTES));
    this.writer = new Writer(catalog, storage, sequencer);
    this.cursors = new CursorRegistry(config.clock);
    this.snapshots = new SnapshotHistory(storage, sequencer, clusterClock, config.clock);
    this.changeStreams = new ChangeStreams(oplog, DocumentLookup.of(catalog, storage), scheduler,
        worker, config.clock,
        new ImageRetention(config.clock, () -> parameters.get(ImageRetention.PARAMETER)));
    schedule("cursor timeout", cursors::reapIdle, 60);
    schedule("snapshot history", snapshots::expire, 60);
    schedule("transaction lifetime", () -> sessions.abortTransactionsStartedBefore(
        config.clock.millis() - TRANSACTION_LIFETIME_MILLIS), 10);
    this.oplogRetention =
        new OplogRetention(storage, config.oplogSizeBytes, config.oplogMinRetention, config.clock);
    schedule("oplog truncation", oplogRetention::truncate, 10);
    this.ttlMonitor = new TtlMonitor(catalog, writer, config.clock);
    schedule("TTL monitor", this::expireDocuments, parameters.get("ttlMonitorSleepSecs").asNumber().longValue());
    this.commands = CommandRegistry.standard(parameters.testCommandsEnabled());
    this.dispatcher = new ServiceEntryPoint(this, commands);
  }

  public static Builder builder() {
    return new Builder();
  }

  public CommandDispatcher dispatcher() {
    return dispatcher;
  }

  /** The commands this node runs ({@code listCommands}). */
  public CommandRegistry commands() {
    return commands;
  }

  /** When the engine started; {@code serverStatus.uptime} counts from here. */
  public Instant startTime() {
    return startTime;
  }

  public FailPoints failPoints() {
    return failPoints;
  }

  public ConnectionStats connections() {
    return connections;
  }

  public OpCounters opCounters() {
    return opCounters;
  }

  public StorageEngine storage() {
    return config.storage;
  }

  /** The injected wall clock (wall times, cursor timeouts, {@code $$NOW}). */
  public Clock clock() {
    return config.clock;
  }

  public ClusterClock clusterClock() {
    return clusterClock;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The only way to change data: see {@link Writer#write}. */
  public Writer writer() {
    return writer;
  }

  /** For writes without data (the periodic no-op) and for syncing. */
  public CommitSequencer sequencer() {
    return sequencer;
  }

  public Oplog oplog() {
    return oplog;
  }

  public CursorRegistry cursors() {
    return cursors;
  }

  /** Storage snapshots held for snapshot reads at a cluster time. */
  public SnapshotHistory snapshots() {
    return snapshots;
  }

  public SessionCatalog sessions() {
    return sessions;
  }

  /** Shared timer threads; tasks must be short and never block. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /**
   * Runs the change streams' fan-out and the wake-ups of parked getMores ({@link Builder#worker}); tasks must never
   * block.
   */
  public Executor worker() {
    return worker;
  }

  public ChangeStreamOpener changeStreamOpener() {
    return config.changeStreamOpener != null ? config.changeStreamOpener : changeStreams;
  }

  /** The change-stream service (also the default {@link #changeStreamOpener()}). */
  /** Deletes documents of TTL indexes; runs every {@code ttlMonitorSleepSecs} while {@code ttlMonitorEnabled}. */
  public TtlMonitor ttlMonitor() {
    return ttlMonitor;
  }

  private void expireDocuments() {
    if (parameters.get("ttlMonitorEnabled").equals(org.bson.BsonBoolean.TRUE)) {
      ttlMonitor.runOnce();
    }
  }

  public ChangeStreams changeStreams() {
    return changeStreams;
  }

  public String replicaSetName() {
    return config.replicaSetName;
  }

  /** {@code host:port} that clients dial: hello's {@code me}, {@code primary} and {@code hosts}. */
  public String advertisedAddress() {
    return config.advertisedAddress;
  }

  public long oplogSizeBytes() {
    return config.oplogSizeBytes;
  }

  /** The oplog's size limit and minimum retention, and its truncation (run every 10 s by the scheduler). */
  public OplogRetention oplogRetention() {
    return oplogRetention;
  }

  /** {@code {argv, parsed}} for {@code getCmdLineOpts}. */
  public BsonDocument commandLine() {
    return config.commandLine;
  }

  /** Server parameters ({@code getParameter}/{@code setParameter}), with the startup values applied. */
  public ServerParameters parameters() {
    return parameters;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    if (workerPool != null) {
      workerPool.shutdownNow();
    }
    cursors.closeAll();
    snapshots.close();
    config.storage.close();
  }

  private void schedule(String name, Runnable task, long periodSeconds) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", name, e); // keep the periodic task alive
      }
    }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  /**
   * The default worker: a pool of the engine's own, as wide as the common pool would be, but never the common pool
   * itself, which an embedder's code shares.
   */
  private static ForkJoinPool newWorkerPool() {
    int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    return new ForkJoinPool(parallelism, pool -> {
      ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      thread.setName("tributary-worker-" + thread.getPoolIndex());
      return thread; // a daemon, as every pool thread is
    }, null, false);
  }

  private static Thread timerThread(Runnable runnable) {
    Thread thread = new Thread(runnable, "tributary-timer");
    thread.setDaemon(true);
    return thread;
  }

  /** Engine configuration; validated once by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private StorageEngine storage;
    private Clock clock = Clock.systemUTC();
    private String replicaSetName = "rs0";
    private String advertisedAddress = "127.0.0.1:27017";
    private long oplogSizeBytes = StorageOptions.DEFAULT_OPLOG_SIZE_BYTES;
    private Duration oplogMinRetention = Duration.ZERO;
    private BsonDocument commandLine = new BsonDocument();
    private final Map<String, BsonValue> parameters = new LinkedHashMap<>();
    private ChangeStreamOpener changeStreamOpener;
    private Executor worker;

    public Builder storage(StorageEngine storage) {
      this.storage = storage;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder replicaSetName(String name) {
      this.replicaSetName = name;
      return this;
    }

    /** {@code host:port} reported as {@code me}, {@code primary} and {@code hosts} in hello. */
    public Builder advertisedAddress(String hostAndPort) {
      this.advertisedAddress = hostAndPort;
      return this;
    }

    public Builder oplogSizeBytes(long bytes) {
      this.oplogSizeBytes = bytes;
      return this;
    }

    /** {@code --oplogMinRetentionHours}: oplog entries younger than this are never truncated. */
    public Builder oplogMinRetention(Duration retention) {
      this.oplogMinRetention = retention;
      return this;
    }

    /** {@code {argv: [...], parsed: {...}}} as {@code getCmdLineOpts} reports it. */
    public Builder commandLine(BsonDocument commandLine) {
      this.commandLine = commandLine;
      return this;
    }

    /** A server parameter ({@code --setParameter name=value}), e.g. {@code enableTestCommands}. */
    public Builder parameter(String name, BsonValue value) {
      parameters.put(name, value);
      return this;
    }

    /** The change-stream entry point used by {@code aggregate} for {@code $changeStream} pipelines. */
    public Builder changeStreamOpener(ChangeStreamOpener opener) {
      this.changeStreamOpener = opener;
      return this;
    }

    /**
     * Runs the change streams' fan-out and the wake-ups of waiting getMores; it must run tasks asynchronously (never
     * on the submitting thread). Default: a pool of the engine's own, shut down by {@link Engine#close}; one given
     * here stays the caller's (a test passes one whose tasks it runs by hand).
     */
    public Builder worker(Executor worker) {
      this.worker = worker;
      return this;
    }

    public Engine build() {
      if (storage == null) {
        throw new IllegalStateException("a storage engine is required");
      }
      return new Engine(this);
    }
  }
}
