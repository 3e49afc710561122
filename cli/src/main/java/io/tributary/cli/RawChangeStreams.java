package io.tributary.cli;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCursor;
import org.bson.BsonDocument;

/** Opens change streams whose events are raw documents, exactly as the server sent them. */
final class RawChangeStreams {
  private RawChangeStreams() {}

  /**
   * Runs the stream's {@code aggregate}: once this returns the stream is live and sees every later change. The
   * driver's {@code withDocumentClass} cursor is a change-stream cursor (it keeps resuming and tracks
   * {@code postBatchResumeToken}), though typed as a plain {@code MongoCursor}.
   */
  static MongoChangeStreamCursor<BsonDocument> open(ChangeStreamIterable<?> stream) {
    MongoCursor<BsonDocument> cursor = stream.withDocumentClass(BsonDocument.class).cursor();
    if (cursor instanceof MongoChangeStreamCursor<BsonDocument> changeStream) {
      return changeStream;
    }
    cursor.close();
    throw new IllegalStateException("this MongoDB driver does not return a change-stream cursor for raw events");
  }
}
