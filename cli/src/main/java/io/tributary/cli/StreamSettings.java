package io.tributary.cli;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * The change stream {@code watch} opens: its target, stages and options, everything but where it starts, so every
 * reopening after a failure asks for the same stream. Immutable.
 */
record StreamSettings(WatchTarget target, List<BsonDocument> pipeline, FullDocument fullDocument,
    FullDocumentBeforeChange fullDocumentBeforeChange, BsonTimestamp startAtOperationTime,
    boolean showExpandedEvents) {
  /** Opens the stream after {@code token} (as {@code startAfter}, which also passes an invalidate) or at its start. */
  MongoChangeStreamCursor<BsonDocument> open(MongoClient client, BsonDocument token) {
    ChangeStreamIterable<BsonDocument> stream = target.watch(client, pipeline)
        .fullDocument(fullDocument)
        // Each idle getMore returns within a second, which bounds how long a stop request waits.
        .maxAwaitTime(1, TimeUnit.SECONDS);
    if (fullDocumentBeforeChange != null) {
      stream.fullDocumentBeforeChange(fullDocumentBeforeChange);
    }
    if (showExpandedEvents) {
      stream.showExpandedEvents(true);
    }
    if (token != null) {
      stream.startAfter(token);
    } else if (startAtOperationTime != null) {
      stream.startAtOperationTime(startAtOperationTime);
    }
    return RawChangeStreams.open(stream);
  }
}
