package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.changestream.ChangeStreamCursor;
import io.tributary.engine.changestream.ChangeStreamErrorLabels;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.cursor.CursorRegistry;
import io.tributary.engine.cursor.QueryCursor;
import io.tributary.engine.cursor.ServerCursor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.operation.MaxTimeMS;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code getMore}: the next batch of an open cursor ({@code {cursor: {nextBatch, id, ns}}}). The cursor is
 * checked out for the duration, so an awaitData cursor may complete later without holding a thread; an
 * exhausted cursor is closed and reported with {@code id: 0}. {@code maxTimeMS} bounds an awaitData wait
 * (default one second, as mongod); a query cursor refuses it ({@code BadValue}): its time limit is the one its
 * opening command set.
 */
public final class GetMoreCommand implements Command {
  private static final long DEFAULT_AWAIT_MILLIS = 1000;

  @Override
  public String name() {
    return "getMore";
  }

  @Override
  public CompletableFuture<BsonDocument> execute(CommandContext context, BsonDocument command) {
    try {
      return getMore(context, command);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<BsonDocument> getMore(CommandContext context, BsonDocument command) {
    BsonValue id = command.get("getMore");
    if (!id.isInt64()) {
      throw CommandArguments.typeMismatch("getMore", "long", id);
    }
    BsonValue collection = command.get("collection");
    if (collection == null || !collection.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field 'getMore.collection' is missing but a required field");
    }
    Namespace namespace = Namespace.of(context.database(), collection.asString().getValue());
    int batchSize = (int) Math.max(0, CommandArguments.longValue(command, "batchSize", 0));
    long maxAwait = CommandArguments.longValue(command, "maxTimeMS", DEFAULT_AWAIT_MILLIS);
    CursorRegistry cursors = context.engine().cursors();
    ServerCursor cursor = cursors.checkOut(id.asInt64().getValue(), namespace, context.lsid());
    if (MaxTimeMS.of(command) > 0 && cursor instanceof QueryCursor) {
      cursors.checkIn(cursor, false); // mongod refuses the request before it touches the cursor
      throw ErrorCode.BAD_VALUE.error("cannot set maxTimeMS on getMore command for a non-awaitData cursor");
    }
    OptionalInt injected = context.engine().failPoints().failGetMoreAfterCursorCheckout();
    if (injected.isPresent()) {
      cursors.checkIn(cursor, true);
      throw failedAfterCheckout(cursor, injected.getAsInt());
    }
    CompletableFuture<BsonDocument> reply;
    try {
      reply = cursor.next(batchSize, maxAwait).thenApply(batch -> {
        cursors.checkIn(cursor, batch.exhausted());
        return CursorReply.next(namespace, cursor.id(), batch);
      });
    } catch (RuntimeException e) {
      cursors.checkIn(cursor, true);
      throw e;
    }
    return reply.whenComplete((r, failure) -> {
      if (failure != null) {
        cursors.checkIn(cursor, true); // mongod kills a cursor whose getMore failed
      }
    });
  }

  /** The fail point's error after the cursor was found, so the usual change-stream labels apply. */
  private static MongoError failedAfterCheckout(ServerCursor cursor, int code) {
    MongoError error = ErrorCode.of(code).error("Failing command due to 'failGetMoreAfterCursorCheckout' failpoint");
    return cursor instanceof ChangeStreamCursor ? ChangeStreamErrorLabels.label(error) : error;
  }
}
