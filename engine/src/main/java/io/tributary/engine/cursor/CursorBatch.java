package io.tributary.engine.cursor;

import java.util.List;
import org.bson.BsonDocument;

/**
 * One batch of a cursor.
 *
 * @param postBatchResumeToken for change streams, the token to resume after this batch; null for other cursors
 * @param exhausted true when the cursor has no more results and is closed (reply {@code id: 0})
 */
public record CursorBatch(List<BsonDocument> documents, BsonDocument postBatchResumeToken, boolean exhausted) {}
