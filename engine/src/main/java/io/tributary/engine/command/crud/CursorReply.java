package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The {@code cursor} reply of {@code find}, {@code aggregate}, {@code listCollections}... ({@code firstBatch})
 * and of {@code getMore} ({@code nextBatch}): {@code {cursor: {firstBatch, [postBatchResumeToken], id, ns}}}.
 * Stateless.
 */
public final class CursorReply {
  private CursorReply() {}

  public static BsonDocument first(Namespace namespace, long cursorId, CursorBatch batch) {
    return reply("firstBatch", namespace, cursorId, batch);
  }

  public static BsonDocument next(Namespace namespace, long cursorId, CursorBatch batch) {
    return reply("nextBatch", namespace, cursorId, batch);
  }

  private static BsonDocument reply(String batchField, Namespace namespace, long cursorId, CursorBatch batch) {
    BsonDocument cursor = new BsonDocument(batchField, new BsonArray(batch.documents()));
    if (batch.postBatchResumeToken() != null) {
      cursor.append("postBatchResumeToken", batch.postBatchResumeToken());
    }
    cursor.append("id", new BsonInt64(batch.exhausted() ? 0 : cursorId))
        .append("ns", new BsonString(namespace.fullName()));
    return new BsonDocument("cursor", cursor);
  }
}
