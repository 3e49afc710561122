package io.tributary.conformance.unified;

import static io.tributary.conformance.unified.WriteOperations.ifPresent;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;

/**
 * Change streams and cursors as entities: createChangeStream on clients, databases and collections
 * (the server-side cursor exists when the operation returns), and the cursor operations
 * iterateUntilDocumentOrError, iterateOnce and close. Stateless.
 */
// spec: unified-test-format.md#createchangestream, #cursor-operations
final class StreamOperations {

  /** How long iterateUntilDocumentOrError waits for a change event before failing the test. */
  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

  private StreamOperations() {}

  static void register(OperationRegistry registry) {
    // watch is createChangeStream under the driver's name; the format discourages it in test files.
    for (String name : List.of("createChangeStream", "watch")) {
      registry.add(name, ClientEntity.class, (c, a, x) -> {
        ClientSession session = a.session();
        List<BsonDocument> pipeline = pipeline(a);
        return open(session == null ? c.client().watch(pipeline) : c.client().watch(session, pipeline), a);
      });
      registry.add(name, DatabaseEntity.class, (d, a, x) -> {
        ClientSession session = a.session();
        List<BsonDocument> pipeline = pipeline(a);
        return open(session == null ? d.database().watch(pipeline) : d.database().watch(session, pipeline), a);
      });
      registry.add(name, CollectionEntity.class, (c, a, x) -> {
        ClientSession session = a.session();
        List<BsonDocument> pipeline = pipeline(a);
        return open(session == null ? c.collection().watch(pipeline) : c.collection().watch(session, pipeline), a);
      });
    }
    registry.add("iterateUntilDocumentOrError", ChangeStreamEntity.class, (s, a, x) -> nextEvent(s.cursor()));
    registry.add("iterateOnce", ChangeStreamEntity.class, (s, a, x) -> s.cursor().tryNext());
    registry.add("close", ChangeStreamEntity.class, (s, a, x) -> closeQuietly(s.cursor()));
    registry.add("iterateUntilDocumentOrError", FindCursorEntity.class, (c, a, x) -> c.cursor().next());
    registry.add("iterateOnce", FindCursorEntity.class, (c, a, x) -> c.cursor().hasNext() ? c.cursor().next() : null);
    registry.add("close", FindCursorEntity.class, (c, a, x) -> closeQuietly(c.cursor()));
  }

  private static List<BsonDocument> pipeline(Arguments args) {
    return args.has("pipeline") ? args.documents("pipeline") : List.of();
  }

  private static ChangeStreamEntity open(ChangeStreamIterable<?> stream, Arguments args) {
    ifPresent(args, "batchSize", v -> stream.batchSize(v.asNumber().intValue()));
    ifPresent(args, "comment", stream::comment);
    ifPresent(args, "fullDocument", v -> stream.fullDocument(FullDocument.fromString(v.asString().getValue())));
    ifPresent(args, "fullDocumentBeforeChange", v -> stream.fullDocumentBeforeChange(
        FullDocumentBeforeChange.fromString(v.asString().getValue())));
    ifPresent(args, "showExpandedEvents", v -> stream.showExpandedEvents(v.asBoolean().getValue()));
    ifPresent(args, "resumeAfter", v -> stream.resumeAfter(v.asDocument()));
    ifPresent(args, "startAfter", v -> stream.startAfter(v.asDocument()));
    ifPresent(args, "startAtOperationTime", v -> stream.startAtOperationTime(v.asTimestamp()));
    ifPresent(args, "maxAwaitTimeMS", v -> stream.maxAwaitTime(v.asNumber().longValue(), TimeUnit.MILLISECONDS));
    ifPresent(args, "collation", v -> stream.collation(DriverOptions.collation(v.asDocument())));
    return new ChangeStreamEntity(stream.withDocumentClass(BsonDocument.class).cursor());
  }

  /** Polls the stream (each poll is one getMore) until an event arrives or the timeout passes. */
  private static BsonDocument nextEvent(MongoCursor<BsonDocument> cursor) {
    long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      BsonDocument event = cursor.tryNext();
      if (event != null) {
        return event;
      }
    }
    throw new AssertionError("no change event within " + EVENT_TIMEOUT.toSeconds() + " s");
  }

  private static Object closeQuietly(MongoCursor<?> cursor) {
    try {
      cursor.close();
    } catch (RuntimeException ignored) {
      // spec: cursor close MUST suppress all errors; command monitoring asserts killCursors instead.
    }
    return null;
  }
}
