package io.tributary.conformance.unified;

import com.mongodb.client.MongoCursor;
import org.bson.BsonDocument;

/**
 * A change stream entity: the driver's resumable change-stream cursor, yielding raw change events.
 * Distinguished from a find cursor because a change stream never ends by itself: iterating one
 * until a document arrives polls with {@code tryNext}. Not thread-safe, like the cursor.
 */
public record ChangeStreamEntity(MongoCursor<BsonDocument> cursor) implements AutoCloseable {

  @Override
  public void close() {
    cursor.close();
  }
}
