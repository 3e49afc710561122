package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.update.UpdateDescription;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/** A {@link ChangeStreams} over a {@link TestOplog}, with helpers to write operations and open streams. */
final class StreamFixture implements AutoCloseable {
  static final Namespace COLL = Namespace.of("db", "coll");
  static final UUID COLL_UUID = UUID.fromString("00000000-0000-4000-8000-000000000001");

  final TestOplog oplog = new TestOplog();
  final Map<BsonDocument, BsonDocument> currentDocuments = new ConcurrentHashMap<>();
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService worker = Executors.newSingleThreadExecutor();
  /** How many times a stream looked a document up ({@code fullDocument: updateLookup}). */
  final AtomicInteger lookups = new AtomicInteger();
  final ChangeStreams streams = new ChangeStreams(oplog, (ns, key) -> {
    lookups.incrementAndGet();
    return currentDocuments.get(key);
  }, scheduler, worker, Clock.systemUTC());
  private long nextId = 1;

  ChangeStreamCursor open(BsonDocument changeStreamOptions, BsonDocument... stages) {
    return open("db", new BsonString("coll"), changeStreamOptions, stages);
  }

  ChangeStreamCursor open(String db, BsonValue target, BsonDocument options, BsonDocument... stages) {
    BsonArray pipeline = new BsonArray();
    pipeline.add(new BsonDocument("$changeStream", options));
    pipeline.addAll(List.of(stages));
    return streams.open(db, new BsonDocument("aggregate", target).append("pipeline", pipeline), null, nextId++);
  }

  static CursorBatch next(ChangeStreamCursor cursor) {
    return next(cursor, 0);
  }

  static CursorBatch next(ChangeStreamCursor cursor, int batchSize) {
    return cursor.next(batchSize, 0).join();
  }

  static BsonDocument key(int id) {
    return new BsonDocument("_id", new BsonInt32(id));
  }

  void insert(Namespace ns, int id) {
    BsonDocument document = key(id).append("x", new BsonInt32(id));
    oplog.append(new Operation.Insert(ns, COLL_UUID, key(id), document));
  }

  void insert(int id) {
    insert(COLL, id);
  }

  void update(int id, BsonDocument pre, BsonDocument post) {
    UpdateDescription description = new UpdateDescription(new BsonDocument("x", new BsonInt32(2)), List.of("y"),
        List.of(), new BsonDocument());
    oplog.append(new Operation.Update(COLL, COLL_UUID, key(id), description, pre, post));
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    worker.shutdownNow();
    scheduler.awaitTermination(1, TimeUnit.SECONDS);
    worker.awaitTermination(1, TimeUnit.SECONDS);
  }
}
