package io.tributary.conformance.unified;

import com.mongodb.client.MongoCursor;
import org.bson.BsonDocument;

/** A find cursor entity, created by createFindCursor. Not thread-safe, like the cursor. */
public record FindCursorEntity(MongoCursor<BsonDocument> cursor) implements AutoCloseable {

  @Override
  public void close() {
    cursor.close();
  }
}
