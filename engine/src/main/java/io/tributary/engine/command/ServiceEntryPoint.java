package io.tributary.engine.command;

import io.tributary.engine.Engine;
import io.tributary.engine.command.crud.ReadSnapshot;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.failpoint.FailCommand;
import io.tributary.engine.failpoint.FailPoints;
import io.tributary.engine.operation.MaxTimeMS;
import io.tributary.engine.operation.OperationDeadline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link CommandDispatcher}, named after the mongod component that turns a request into a reply.
 *
 * <p>Implementation notes. For each request, in mongod's order:
 * <ol>
 *   <li>{@code $db} must be present (mongod: 40571); the command is looked up by its first key, case-sensitively
 *       ({@code CommandNotFound} 59 otherwise); admin-only commands are refused elsewhere ({@code Unauthorized}).
 *   <li>The {@code failCommand} fail point is evaluated (never for {@code configureFailPoint} itself): it may close
 *       the connection without running the command, delay it (scheduled, no thread is held), fail it with a code,
 *       or add a {@code writeConcernError}; its {@code errorLabels} replace the reply's own.
 *   <li>The command runs, under the deadline of its {@code maxTimeMS} ({@link OperationDeadline}: long loops and
 *       waits fail with {@code MaxTimeMSExpired} once it passes; {@code maxTimeAlwaysTimeOut} makes it passed at
 *       once); its reply gets {@code ok: 1.0}, a failure becomes the error reply of {@link ErrorReply}.
 *   <li>A write whose write-concern wait failed (its {@code maxTimeMS} ran out while syncing) succeeds with the
 *       {@code writeConcernError} it recorded in its context's {@link WriteConcernResult}.
 *   <li>Every reply gets {@code $clusterTime} and {@code operationTime} from the cluster clock; an unacknowledged
 *       write ({@code writeConcern: {w: 0}}) is answered {@code {ok: 1}} whatever happened.
 * </ol>
 * A network layer calls it with its workers: quick requests ({@link Command#isQuick}) run on the calling
 * thread, all others on the workers; transactions' commands are never quick (their statements may wait for the
 * write permit another transaction holds), and a quick write runs there only while holding the write permit,
 * taken without waiting ({@link io.tributary.engine.catalog.Writer#tryExclusively}), else on a worker.
 * Thread-safe: holds no per-request state.
 */
public final class ServiceEntryPoint implements CommandDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceEntryPoint.class);
  private static final int SIGNATURE_HASH_BYTES = 20;
  /** Every reply's (unsigned) signature; raw, so it is immutable when shared and is copied, not re-encoded. */
  private static final RawBsonDocument SIGNATURE = new RawBsonDocument(
      new BsonDocument("hash", new BsonBinary(new byte[SIGNATURE_HASH_BYTES])).append("keyId", new BsonInt64(0)),
      new BsonDocumentCodec());

  private final Engine engine;
  private final CommandRegistry registry;

  public ServiceEntryPoint(Engine engine, CommandRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  @Override
  public CompletableFuture<CommandResponse> dispatch(ClientConnection connection, BsonDocument request) {
    String name = request.isEmpty() ? "" : request.getFirstKey();
    try {
      return invoke(connection, name, request);
    } catch (RuntimeException | Error e) {
      // An Error too (a class that cannot be loaded, a stack overflow): it gets the InternalError reply a command
      // whose future fails with one gets. Escaping from here, it would make the network layer close the
      // connection without a reply, which drivers report as "Prematurely reached end of stream", hiding the cause.
      return CompletableFuture.completedFuture(reply(name, request, Optional.empty(), Optional.empty(), null, e));
    }
  }

  @Override
  public CompletableFuture<CommandResponse> dispatch(ClientConnection connection, BsonDocument request,
      Executor workers) {
    Optional<Command> quick = quickCommand(request);
    if (quick.isEmpty()) {
      return CommandDispatcher.super.dispatch(connection, request, workers);
    }
    if (!quick.get().isWrite()) {
      return dispatch(connection, request);
    }
    // A write runs here only if the write permit is free now: a transaction may hold it for seconds.
    return engine.writer().tryExclusively(() -> dispatch(connection, request))
        .orElseGet(() -> CommandDispatcher.super.dispatch(connection, request, workers));
  }

  /** The command of a request outside a transaction that its command calls quick. */
  private Optional<Command> quickCommand(BsonDocument request) {
    if (request.isEmpty() || request.containsKey("autocommit") || !request.isString("$db")) {
      return Optional.empty();
    }
    String database = request.getString("$db").getValue();
    try {
      return registry.find(request.getFirstKey()).filter(command -> command.isQuick(engine, database, request));
    } catch (RuntimeException | Error e) {
      // A malformed request, or anything unexpected: the worker runs the command and answers the failure. Thrown
      // from here, on the network's event loop, it would close the connection without a reply.
      return Optional.empty();
    }
  }

  private CompletableFuture<CommandResponse> invoke(ClientConnection connection, String name, BsonDocument request) {
    String database = database(request);
    Command command = registry.find(name).orElseThrow(() -> {
      LOG.debug("no such command: '{}' (from {})", name, connection.appName());
      return ErrorCode.COMMAND_NOT_FOUND.error("no such command: '" + name + "'");
    });
    if (command.adminOnly() && !"admin".equals(database)) {
      throw ErrorCode.UNAUTHORIZED.error(name + " may only be run against the admin database.");
    }
    engine.opCounters().record(name, request);
    ReadSnapshot.checkSupported(command.name(), request);
    Optional<FailCommand> fail = failCommand(command, connection, database, request);
    if (fail.isPresent() && fail.get().closeConnection()) {
      return CompletableFuture.completedFuture(CommandResponse.close());
    }
    CommandContext context = new CommandContext(engine, connection, database, lsid(request), txnNumber(request));
    Supplier<CompletableFuture<BsonDocument>> run = fail.isPresent() && fail.get().errorCode() != null
        ? () -> CompletableFuture.failedFuture(ErrorCode.of(fail.get().errorCode()).error(FailCommand.ERROR_MESSAGE))
        : () -> execute(command, context, request);
    long delay = fail.map(FailCommand::blockTimeMS).orElse(0L);
    return after(delay, run).handle((body, failure) ->
        reply(name, request, fail, context.writeConcern().writeConcernError(), body, failure));
  }

  private Optional<FailCommand> failCommand(Command command, ClientConnection connection, String database,
      BsonDocument request) {
    FailPoints failPoints = engine.failPoints();
    if (command.name().equals("configureFailPoint") || failPoints.isOff(FailPoints.FAIL_COMMAND)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>(command.aliases());
    names.add(command.name());
    return failPoints.failCommand(names, connection.appName(), namespace(database, request));
  }

  private CompletableFuture<BsonDocument> execute(Command command, CommandContext context, BsonDocument request) {
    try {
      Optional<OperationDeadline> deadline = deadline(command, request);
      if (deadline.isEmpty()) {
        return command.execute(context, request);
      }
      return deadline.get().run(() -> {
        deadline.get().check();
        return command.execute(context, request);
      });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The deadline of a request's {@code maxTimeMS}, validated as mongod does; none for 0 or absent. A
   * {@code getMore}'s {@code maxTimeMS} is its cursor's await time, not a deadline of its own.
   */
  private Optional<OperationDeadline> deadline(Command command, BsonDocument request) {
    if (command.name().equals("getMore")) {
      return Optional.empty();
    }
    long maxTimeMS = MaxTimeMS.of(request);
    if (maxTimeMS == 0) {
      return Optional.empty();
    }
    return Optional.of(engine.failPoints().maxTimeAlwaysTimeOut()
        ? OperationDeadline.alwaysExpired(engine.clock())
        : OperationDeadline.after(engine.clock(), maxTimeMS));
  }

  private static CompletableFuture<BsonDocument> after(long delayMillis, Supplier<CompletableFuture<BsonDocument>> step) {
    if (delayMillis <= 0) {
      return step.get();
    }
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS))
        .thenCompose(ignored -> step.get());
  }

  /**
   * @param waited the write concern error of the command's own wait, reported unless {@code failCommand} injects
   *     one (mongod adds a {@code writeConcernError} only to a reply that has none)
   */
  private CommandResponse reply(String name, BsonDocument request, Optional<FailCommand> fail,
      Optional<BsonDocument> waited, BsonDocument body, Throwable failure) {
    if (failure != null && unwrap(failure) instanceof CloseConnection) {
      return CommandResponse.close();
    }
    if (isUnacknowledged(request)) {
      return CommandResponse.of(new BsonDocument("ok", new BsonDouble(1)));
    }
    List<String> labelOverride = fail.map(FailCommand::errorLabels).orElse(null);
    BsonDocument reply = failure == null
        ? success(name, request, body, fail.map(FailCommand::writeConcernError).or(() -> waited).orElse(null),
            labelOverride)
        : error(name, request, asMongoError(failure), labelOverride);
    BsonTimestamp now = engine.clusterClock().now();
    reply.append("$clusterTime", clusterTime(now)).append("operationTime", now);
    return CommandResponse.of(reply);
  }

  private static BsonDocument success(String name, BsonDocument request, BsonDocument body,
      BsonDocument writeConcernError, List<String> labelOverride) {
    // A shallow copy: a command may hand back a document it keeps (a retryable write's recorded result).
    BsonDocument reply = new BsonDocument();
    if (body != null) {
      reply.putAll(body);
    }
    if (!reply.containsKey("ok")) {
      reply.append("ok", new BsonDouble(1));
    }
    if (writeConcernError != null) {
      reply.append("writeConcernError", writeConcernError.clone());
      int code = writeConcernError.getNumber("code", new BsonInt64(0)).intValue();
      Collection<String> labels = labelOverride != null ? labelOverride
          : ErrorLabelsBuilder.isRetryableWriteConcernError(name, request, code)
              ? Set.of(ErrorLabels.RETRYABLE_WRITE_ERROR) : Set.of();
      ErrorReply.appendLabels(reply, labels);
    }
    return reply;
  }

  private static BsonDocument error(String name, BsonDocument request, MongoError error, List<String> labelOverride) {
    Collection<String> labels = labelOverride != null ? labelOverride
        : ErrorLabelsBuilder.labels(error, name, request);
    return ErrorReply.of(error, labels);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static MongoError asMongoError(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof MongoError mongoError) {
      return mongoError;
    }
    LOG.warn("command failed unexpectedly", cause);
    return MongoError.of(cause);
  }

  /** {@code {clusterTime, signature: {hash: 20 zero bytes, keyId: 0}}}: unsigned, as with auth disabled. */
  static BsonDocument clusterTime(BsonTimestamp time) {
    return new BsonDocument("clusterTime", time).append("signature", SIGNATURE);
  }

  private static String database(BsonDocument request) {
    if (!request.containsKey("$db")) {
      throw ErrorCode.location(40571).error("OP_MSG requests require a $db argument");
    }
    if (!request.isString("$db")) {
      throw ErrorCode.TYPE_MISMATCH.error("$db is not a string");
    }
    return request.getString("$db").getValue();
  }

  private static String namespace(String database, BsonDocument request) {
    return !request.isEmpty() && request.get(request.getFirstKey()).isString()
        ? database + "." + request.getString(request.getFirstKey()).getValue()
        : database + ".$cmd";
  }

  private static BsonDocument lsid(BsonDocument request) {
    return request.isDocument("lsid") ? request.getDocument("lsid") : null;
  }

  private static Long txnNumber(BsonDocument request) {
    return request.isNumber("txnNumber") ? request.getNumber("txnNumber").longValue() : null;
  }

  private static boolean isUnacknowledged(BsonDocument request) {
    if (!request.isDocument("writeConcern")) {
      return false;
    }
    BsonDocument writeConcern = request.getDocument("writeConcern");
    return writeConcern.isNumber("w") && writeConcern.getNumber("w").intValue() == 0;
  }
}
