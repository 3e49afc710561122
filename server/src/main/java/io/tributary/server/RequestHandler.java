package io.tributary.server;

import io.tributary.engine.command.ClientConnection;
import io.tributary.engine.command.CommandDispatcher;
import io.tributary.engine.command.CommandResponse;
import io.tributary.engine.command.ErrorReply;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.server.wire.OpCode;
import io.tributary.server.wire.WireReply;
import io.tributary.server.wire.WireRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * Decides what each kind of request gets, the way mongod 7 does (legacy opcodes per "legacy opcode removal"):
 * <ul>
 *   <li>OP_MSG: dispatched; replied with OP_MSG unless {@code moreToCome}.
 *   <li>OP_QUERY on {@code <db>.$cmd}: only the handshake commands (and {@code buildInfo}) run, answered with
 *       OP_REPLY; any other command gets {@code UnsupportedOpQueryCommand} (352). OP_QUERY on a collection and
 *       OP_GET_MORE get a QueryFailure OP_REPLY (5739101). Fire-and-forget legacy writes get nothing.
 *   <li>Malformed content: an error reply in the request's protocol.
 * </ul>
 * Quick commands (a find by {@code _id}...) run on the caller's (event-loop) thread, every other one on
 * {@code workers}: the dispatcher decides (see {@link CommandDispatcher#dispatch(ClientConnection, BsonDocument,
 * Executor)}), so nothing that may wait runs on the event loop. Thread-safe.
 */
final class RequestHandler {
  /** What to do on the connection once a request is handled. */
  sealed interface Outcome {
    record Reply(WireReply reply) implements Outcome {}

    record Silence() implements Outcome {}

    record Close() implements Outcome {}
  }

  private static final Set<String> OP_QUERY_COMMANDS =
      Set.of("hello", "isMaster", "ismaster", "buildinfo", "buildInfo");
  private static final int UNSUPPORTED_LEGACY_OP = 5739101;
  private static final String UPGRADE_ADVICE = " The client driver may require an upgrade. For more details see "
      + "https://dochub.mongodb.org/core/legacy-opcode-removal";

  private final CommandDispatcher dispatcher;
  private final Executor workers;

  RequestHandler(CommandDispatcher dispatcher, Executor workers) {
    this.dispatcher = dispatcher;
    this.workers = workers;
  }

  CompletableFuture<Outcome> handle(ClientConnection connection, WireRequest request) {
    // Java 17 has no pattern switch; the interface is sealed, so these cases are exhaustive.
    if (request instanceof WireRequest.OpMsg msg) {
      return handleMsg(connection, msg);
    }
    if (request instanceof WireRequest.OpQuery query) {
      return handleQuery(connection, query);
    }
    if (request instanceof WireRequest.Legacy legacy) {
      return CompletableFuture.completedFuture(legacy(legacy));
    }
    return CompletableFuture.completedFuture(malformed((WireRequest.Malformed) request));
  }

  private CompletableFuture<Outcome> handleMsg(ClientConnection connection, WireRequest.OpMsg msg) {
    int requestId = msg.header().requestId();
    return dispatch(connection, msg.command())
        .thenApply(response -> msg.moreToCome() && !response.closeConnection() ? new Outcome.Silence()
            : outcome(response, reply -> WireReply.opMsg(requestId, reply)));
  }

  private CompletableFuture<CommandResponse> dispatch(ClientConnection connection, BsonDocument command) {
    return dispatcher.dispatch(connection, command, workers);
  }

  private CompletableFuture<Outcome> handleQuery(ClientConnection connection, WireRequest.OpQuery query) {
    int requestId = query.header().requestId();
    String collection = query.fullCollectionName();
    int dot = collection.indexOf('.');
    if (dot <= 0 || !collection.substring(dot + 1).equals("$cmd")) {
      return CompletableFuture.completedFuture(queryFailure(requestId, "OP_QUERY is no longer supported."));
    }
    BsonDocument command = unwrap(query.query());
    String name = command.isEmpty() ? "" : command.getFirstKey();
    if (!OP_QUERY_COMMANDS.contains(name)) {
      MongoError error = ErrorCode.UNSUPPORTED_OP_QUERY_COMMAND.error("Unsupported OP_QUERY command: " + name + "."
          + UPGRADE_ADVICE);
      return CompletableFuture.completedFuture(
          new Outcome.Reply(WireReply.opReply(requestId, 0, ErrorReply.of(error, List.of()))));
    }
    command.put("$db", new BsonString(collection.substring(0, dot)));
    return dispatch(connection, command)
        .thenApply(response -> outcome(response, reply -> WireReply.opReply(requestId, 0, reply)));
  }

  /** Legacy commands may wrap the command as {@code {$query: {...}, $readPreference: ...}}. */
  private static BsonDocument unwrap(BsonDocument query) {
    for (String wrapper : List.of("$query", "query")) {
      if (!query.isEmpty() && query.getFirstKey().equals(wrapper) && query.isDocument(wrapper)) {
        return query.getDocument(wrapper).clone();
      }
    }
    return query.clone();
  }

  private static Outcome outcome(CommandResponse response, Function<BsonDocument, WireReply> wrap) {
    return response.closeConnection() ? new Outcome.Close() : new Outcome.Reply(wrap.apply(response.reply()));
  }

  private static Outcome legacy(WireRequest.Legacy legacy) {
    return legacy.header().opCode() == OpCode.OP_GET_MORE
        ? queryFailure(legacy.header().requestId(), "OP_GET_MORE is no longer supported.")
        : new Outcome.Silence();
  }

  private static Outcome queryFailure(int requestId, String message) {
    BsonDocument failure = new BsonDocument("$err", new BsonString(message + UPGRADE_ADVICE))
        .append("code", new BsonInt32(UNSUPPORTED_LEGACY_OP))
        .append("ok", new BsonDouble(0));
    return new Outcome.Reply(WireReply.opReply(requestId, WireReply.QUERY_FAILURE, failure));
  }

  private static Outcome malformed(WireRequest.Malformed malformed) {
    if (!malformed.expectsReply()) {
      return new Outcome.Silence();
    }
    BsonDocument error = ErrorReply.of(malformed.error(), List.of());
    int requestId = malformed.header().requestId();
    return new Outcome.Reply(malformed.header().opCode() == OpCode.OP_MSG
        ? WireReply.opMsg(requestId, error) : WireReply.opReply(requestId, 0, error));
  }
}
