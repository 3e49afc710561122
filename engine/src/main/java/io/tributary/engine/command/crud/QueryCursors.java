package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.CursorRegistry;
import io.tributary.engine.cursor.QueryCursor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.operation.CursorTimeLimit;
import io.tributary.engine.operation.OperationDeadline;
import java.util.Iterator;
import org.bson.BsonDocument;

/**
 * Opens a query cursor over results and answers with the first batch: the cursor is registered for
 * {@code getMore} only when results remain, otherwise the reply carries {@code id: 0}. A cursor opened under a
 * {@code maxTimeMS} deadline keeps the time left for its {@code getMore}s ({@link CursorTimeLimit}). Stateless.
 */
public final class QueryCursors {
  /** mongod's default size of a first batch when {@code batchSize} is not given. */
  public static final int DEFAULT_FIRST_BATCH = 101;

  private QueryCursors() {}

  /**
   * @param resources closed when the cursor is exhausted or killed
   * @param singleBatch close after the first batch even when results remain
   */
  public static BsonDocument open(CommandContext context, Namespace namespace, Iterator<BsonDocument> results,
      AutoCloseable resources, int batchSize, boolean singleBatch, boolean noCursorTimeout) {
    CursorRegistry cursors = context.engine().cursors();
    QueryCursor cursor = new QueryCursor(cursors.newCursorId(), namespace, context.lsid(), results, resources);
    CursorBatch batch = cursor.nextBatch(batchSize);
    if (singleBatch && !batch.exhausted()) {
      cursor.close();
      batch = new CursorBatch(batch.documents(), null, true);
    }
    if (!batch.exhausted()) {
      OperationDeadline.current().ifPresent(deadline -> cursor.limitTime(new CursorTimeLimit(
          context.engine().clock(), context.engine().failPoints()::maxTimeAlwaysTimeOut, deadline.remaining())));
      cursors.register(cursor, noCursorTimeout);
    }
    return CursorReply.first(namespace, cursor.id(), batch);
  }

  /** The {@code cursor.batchSize} (or {@code batchSize}) argument: non-negative, default 101. */
  public static int batchSize(BsonDocument cursorOptions, String field) {
    long size = CommandArguments.longValue(cursorOptions, field, DEFAULT_FIRST_BATCH);
    if (size < 0) {
      throw ErrorCode.BAD_VALUE.error("BatchSize value must be non-negative, but received: " + size);
    }
    return (int) Math.min(size, Integer.MAX_VALUE);
  }
}
