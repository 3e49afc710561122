package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.CursorReply;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.CursorRegistry;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.Oplog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Opens change streams: the engine's {@link ChangeStreamOpener}. Validates an {@code aggregate} whose pipeline
 * starts with {@code $changeStream}, registers its cursor and replies with the first batch at once (the initial
 * aggregate never waits; reference §1.6). Thread-safe.
 *
 * <p>Fan-out: each cursor reads the shared {@link Oplog} (a decoded in-memory tail) from its own position and
 * checks the namespace before transforming anything; writers never wait for watchers. See docs/ARCHITECTURE.md.
 */
public final class ChangeStreams implements ChangeStreamOpener {
  /** mongod's default first batch size. */
  private static final int DEFAULT_BATCH_SIZE = 101;

  private final Oplog oplog;
  private final DocumentLookup lookup;
  private final ChangeStreamCursor.Runtime runtime;
  private static final List<String> START_OPTIONS = List.of("resumeAfter", "startAfter", "startAtOperationTime");

  private final SharedEvents.Registry shapes;
  private final AtomicLong opened = new AtomicLong();
  private final ImageRetention imageRetention;
  private final List<OpenedWaiter> openedWaiters = new ArrayList<>();

  private record OpenedWaiter(long count, CompletableFuture<Void> future) {}

  /**
   * @param scheduler runs the {@code maxAwaitTimeMS} timers of waiting {@code getMore}s (tasks are tiny)
   * @param worker runs the fan-out and the oplog scans of woken streams, off the committing thread; it must run
   *     tasks asynchronously (never inline on the submitting thread), which keeps lock order one-way
   */
  public ChangeStreams(Oplog oplog, DocumentLookup lookup, ScheduledExecutorService scheduler, Executor worker,
      Clock clock) {
    this(oplog, lookup, scheduler, worker, clock, ImageRetention.WITH_OPLOG);
  }

  /** As above, with pre- and post-images that may expire before their oplog entry ({@code imageRetention}). */
  public ChangeStreams(Oplog oplog, DocumentLookup lookup, ScheduledExecutorService scheduler, Executor worker,
      Clock clock, ImageRetention imageRetention) {
    this.oplog = oplog;
    this.lookup = lookup;
    this.imageRetention = imageRetention;
    this.runtime = new ChangeStreamCursor.Runtime(scheduler, worker, clock, new CommitNotifier(oplog, worker));
    this.shapes = new SharedEvents.Registry(clock);
  }

  /** How many {@code getMore}s are parked waiting for a commit; a gauge for monitoring and tests. */
  public int waitingStreams() {
    return runtime.notifier().waitingStreams();
  }

  /**
   * Runs {@code onCommit} once on the worker executor when an oplog entry later than {@code after} that writes
   * {@code namespace} (null: any entry) becomes visible (or at once if one may already be): how a tailable awaitData cursor waits
   * for inserts without a thread, through the same one oplog reader as the change streams. The wake-up may be
   * spurious; the caller looks and waits again.
   */
  public CommitWait awaitWrite(Namespace namespace, BsonTimestamp after, Runnable onCommit) {
    return runtime.notifier().awaitWrite(namespace, after, onCommit);
  }

  @Override
  public CompletableFuture<BsonDocument> open(CommandContext context, BsonDocument aggregate) {
    CursorRegistry cursors = context.engine().cursors();
    ChangeStreamCursor cursor;
    int batchSize;
    try {
      batchSize = (int) CommandArguments.longValue(CommandArguments.document(aggregate, "cursor",
          new BsonDocument()), "batchSize", DEFAULT_BATCH_SIZE);
      checkNotView(context, aggregate.get("aggregate"));
      cursor = open(context.database(), aggregate, context.lsid(), cursors.newCursorId());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    // cursor.batchSize 0 opens the stream without reading anything (for getMore, 0 means "no limit").
    CompletableFuture<CursorBatch> first = batchSize == 0
        ? CompletableFuture.completedFuture(new CursorBatch(List.of(), cursor.postBatchResumeToken().toBson(), false))
        : cursor.next(batchSize, 0);
    return first.thenApply(batch -> {
      if (batch.exhausted()) {
        cursor.close();
      } else {
        cursors.register(cursor, false);
      }
      return CursorReply.first(cursor.namespace(), cursor.id(), batch);
    });
  }

  /** Whether an aggregate pipeline is a change stream (names {@code $changeStream} in any stage). */
  public static boolean isChangeStream(List<BsonDocument> pipeline) {
    return pipeline.stream().anyMatch(stage -> stage.containsKey(ChangeStreamSpec.STAGE_NAME));
  }

  /**
   * Opens the stream {@code command} describes.
   *
   * @param database the aggregate's {@code $db}
   * @param command the whole aggregate command ({@code aggregate}, {@code pipeline}, {@code readConcern}, ...)
   * @param lsid the session, or null
   * @param cursorId the id the cursor registry assigned
   */
  public ChangeStreamCursor open(String database, BsonDocument command, BsonDocument lsid, long cursorId) {
    try {
      List<BsonDocument> stages = stages(command);
      checkReadConcern(command);
      if (command.containsKey("autocommit")) {
        throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Operation not permitted in transaction ::"
            + " caused by :: $changeStream cannot run inside a multi-document transaction");
      }
      ChangeStreamSpec spec = ChangeStreamSpec.parse(stages.get(0).get(ChangeStreamSpec.STAGE_NAME));
      checkApiStrict(command, spec);
      ChangeStreamScope scope = ChangeStreamScope.of(database, command.get("aggregate"), spec.allChangesForCluster());
      checkTokenFitsScope(spec, scope);
      EventContext context = new EventContext(database, new BsonDateTime(runtime.clock().millis()),
          oplog.lastVisible());
      ChangeStreamPipeline pipeline = ChangeStreamPipeline.parse(stages.subList(1, stages.size()), context);
      StartPoint start = StartPoint.of(spec, oplog);
      SharedEvents shape = shapes.acquire(database, transformShape(database, command, stages),
          new BsonArray(new ArrayList<>(stages.subList(1, stages.size()))),
          new EventTransformer(scope, spec, lookup, imageRetention), pipeline);
      ChangeStreamCursor cursor = new ChangeStreamCursor(cursorId, scope.cursorNamespace(), lsid, oplog,
          start, runtime, shape);
      streamOpened();
      return cursor;
    } catch (MongoError e) {
      throw ChangeStreamErrorLabels.label(e);
    }
  }

  /** How many streams were opened since start; a monotonic metric (tests wait on it to know a watcher is up). */
  public long streamsOpened() {
    return opened.get();
  }

  /**
   * Completes once {@code count} streams have been opened since start: lets a test or tool know a watcher (for
   * example another process) is listening before it writes, without polling.
   */
  public CompletableFuture<Void> whenStreamsOpened(long count) {
    synchronized (openedWaiters) {
      if (opened.get() >= count) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> future = new CompletableFuture<>();
      openedWaiters.add(new OpenedWaiter(count, future));
      return future;
    }
  }

  private void streamOpened() {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    synchronized (openedWaiters) {
      long count = opened.incrementAndGet();
      openedWaiters.removeIf(w -> w.count() <= count && ready.add(w.future()));
    }
    ready.forEach(f -> f.complete(null));
  }

  /**
   * What makes two streams turn every entry into the same events: everything but the start point, which only
   * decides where a stream reads from, and the later stages (see {@link SharedTransform}, {@link SharedEvents}).
   */
  private static BsonDocument transformShape(String database, BsonDocument command, List<BsonDocument> stages) {
    BsonDocument options = stages.get(0).getDocument(ChangeStreamSpec.STAGE_NAME).clone();
    START_OPTIONS.forEach(options::remove);
    return new BsonDocument("db", new BsonString(database)).append("aggregate", command.get("aggregate"))
        .append("options", options);
  }

  private static List<BsonDocument> stages(BsonDocument command) {
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : command.getArray("pipeline")) {
      stages.add(stage.asDocument());
    }
    if (stages.isEmpty() || !stages.get(0).containsKey(ChangeStreamSpec.STAGE_NAME)) {
      throw ErrorCode.location(40602).error("$changeStream is only valid as the first stage in a pipeline");
    }
    return stages;
  }

  /** spec: reference §1.1 — "Change streams cannot be opened on views". */
  private static void checkNotView(CommandContext context, BsonValue target) {
    if (!target.isString()) {
      return;
    }
    Namespace namespace = new Namespace(context.database(), target.asString().getValue());
    if (context.engine().catalog().lookup(namespace).map(CollectionMetadata::isView).orElse(false)) {
      throw ErrorCode.COMMAND_NOT_SUPPORTED_ON_VIEW.error("Namespace " + namespace + " is a view, not a collection");
    }
  }

  /** spec: reference §1.2 — showExpandedEvents is not part of API version 1. */
  private static void checkApiStrict(BsonDocument command, ChangeStreamSpec spec) {
    BsonValue strict = command.get("apiStrict");
    if (spec.showExpandedEvents() && strict != null && strict.isBoolean() && strict.asBoolean().getValue()) {
      throw ErrorCode.API_STRICT_ERROR.error("BSON field '$changeStream.showExpandedEvents' is not allowed with"
          + " apiStrict:true");
    }
  }

  /** spec: reference §1.1 — majority or none; the cluster-wide default is not applied. */
  private static void checkReadConcern(BsonDocument command) {
    BsonValue readConcern = command.get("readConcern");
    if (readConcern == null || !readConcern.isDocument() || !readConcern.asDocument().containsKey("level")) {
      return;
    }
    BsonValue level = readConcern.asDocument().get("level");
    if (!level.isString() || !level.asString().getValue().equals("majority")) {
      throw ErrorCode.INVALID_OPTIONS.error("Aggregation stage $changeStream cannot run with a readConcern other"
          + " than 'majority'. Current readConcern: " + readConcern.asDocument().toJson());
    }
  }

  /** spec: reference §1.2 — a collection stream cannot resume from a UUID-less event token. */
  private static void checkTokenFitsScope(ChangeStreamSpec spec, ChangeStreamScope scope) {
    ResumeToken token = spec.resumeToken();
    if (scope instanceof ChangeStreamScope.Collection && token != null && !token.isHighWaterMark()
        && token.uuid() == null && !token.fromInvalidate()) {
      throw ErrorCode.INVALID_RESUME_TOKEN.error("Attempted to resume a single-collection stream, but the resume"
          + " token does not include a UUID.");
    }
  }
}
