package io.tributary.server.changestream;

import static io.tributary.server.changestream.Drain.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Change streams through the real MongoDB Java driver: shapes, scopes, tokens, resume, errors and labels. Written
 * once, run on every storage engine by subclassing (durable engines make events visible only once synced).
 */
public abstract class ChangeStreamBehaviourSuite extends ServerTestSupport {
  private MongoDatabase db;
  private MongoCollection<BsonDocument> coll;

  @org.junit.jupiter.api.BeforeEach
  public void setUp(TestInfo test) {
    db = client().getDatabase("cs_" + Math.abs(test.getDisplayName().hashCode()));
    coll = db.getCollection("coll", BsonDocument.class);
    coll.insertOne(doc("{_id: 'seed'}"));
  }

  @AfterEach
  public void tearDown() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}");
    adminCommand("{configureFailPoint: 'failGetMoreAfterCursorCheckout', mode: 'off'}");
    db.drop();
  }

  @Test
  public void collectionStreamReportsEveryWriteThenInvalidatesOnDrop() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().cursor()) {
      coll.insertOne(doc("{_id: 1, hello: 'world'}"));
      coll.updateOne(Filters.eq("_id", 1), Updates.set("hello", "mars"));
      coll.replaceOne(Filters.eq("_id", 1), doc("{bye: 'world'}"));
      coll.deleteOne(Filters.eq("_id", 1));
      coll.drop();
      List<ChangeStreamDocument<BsonDocument>> events = drain(cursor, 6);
      assertThat(events).extracting(ChangeStreamDocument::getOperationType).containsExactly(OperationType.INSERT,
          OperationType.UPDATE, OperationType.REPLACE, OperationType.DELETE, OperationType.DROP,
          OperationType.INVALIDATE);
      assertThat(events.get(0).getFullDocument()).isEqualTo(doc("{_id: 1, hello: 'world'}"));
      assertThat(events.get(1).getUpdateDescription().getUpdatedFields()).isEqualTo(doc("{hello: 'mars'}"));
      assertThat(events.get(1).getUpdateDescription().getRemovedFields()).isEmpty();
      assertThat(events.get(2).getFullDocument()).isEqualTo(doc("{_id: 1, bye: 'world'}"));
      assertThat(events.get(3).getDocumentKey()).isEqualTo(doc("{_id: 1}"));
      assertThat(events.get(0).getClusterTime()).isNotNull();
      assertThat(events.get(0).getWallTime()).isNotNull();
      assertThat(events.get(0).getNamespace().getFullName()).isEqualTo(coll.getNamespace().getFullName());
      assertThat(cursor.getResumeToken()).isEqualTo(events.get(5).getResumeToken());
    }
  }

  @Test
  public void rawInsertEventHasMongoDbsFieldsInOrderAndAHexToken() {
    try (MongoCursor<BsonDocument> cursor = coll.watch(BsonDocument.class).withDocumentClass(BsonDocument.class)
        .cursor()) {
      coll.insertOne(doc("{_id: 1}"));
      BsonDocument event = cursor.next();
      assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "fullDocument",
          "ns", "documentKey");
      assertThat(event.getDocument("_id").getString("_data").getValue()).matches("82[0-9A-F]{16}2B04.*04");
    }
  }

  @Test
  public void emptyBatchesCarryAnAdvancingPostBatchResumeToken() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor =
             coll.watch().maxAwaitTime(10, TimeUnit.MILLISECONDS).cursor()) {
      assertThat(cursor.tryNext()).isNull();
      BsonDocument first = cursor.getResumeToken();
      assertThat(first).isNotNull();
      db.getCollection("other").insertOne(new org.bson.Document("x", 1));
      db.getCollection("other").insertOne(new org.bson.Document("x", 2));
      assertThat(cursor.tryNext()).isNull();
      BsonDocument advanced = cursor.getResumeToken();
      assertThat(advanced.getString("_data").getValue()).isGreaterThan(first.getString("_data").getValue());
    }
  }

  @Test
  public void databaseAndClusterStreamsSeeTheirScopes() {
    MongoCollection<BsonDocument> other = db.getCollection("other", BsonDocument.class);
    MongoCollection<BsonDocument> elsewhere = client().getDatabase(db.getName() + "_b")
        .getCollection("x", BsonDocument.class);
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> database = db.watch(BsonDocument.class)
        .cursor();
         MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cluster = client().watch(BsonDocument.class)
             .cursor()) {
      coll.insertOne(doc("{_id: 1}"));
      other.insertOne(doc("{_id: 2}"));
      elsewhere.insertOne(doc("{_id: 3}"));
      assertThat(drain(database, 2)).extracting(e -> e.getNamespace().getCollectionName())
          .containsExactly("coll", "other");
      assertThat(drain(cluster, 3)).extracting(e -> e.getNamespace().getFullName()).containsExactly(
          coll.getNamespace().getFullName(), other.getNamespace().getFullName(),
          elsewhere.getNamespace().getFullName());
    } finally {
      client().getDatabase(db.getName() + "_b").drop();
    }
  }

  @Test
  public void resumeAfterStartAfterAndStartAtOperationTime() {
    List<ChangeStreamDocument<BsonDocument>> events;
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().cursor()) {
      coll.insertOne(doc("{_id: 1}"));
      coll.insertOne(doc("{_id: 2}"));
      coll.insertOne(doc("{_id: 3}"));
      events = drain(cursor, 3);
    }
    assertThat(keysOf(coll.watch().resumeAfter(events.get(0).getResumeToken()), 2)).containsExactly(2, 3);
    assertThat(keysOf(coll.watch().startAfter(events.get(1).getResumeToken()), 1)).containsExactly(3);
    BsonTimestamp second = events.get(1).getClusterTime();
    assertThat(keysOf(coll.watch().startAtOperationTime(second), 2)).containsExactly(2, 3);
  }

  @Test
  public void startAfterAnInvalidateOpensANewStreamPastIt() {
    BsonDocument invalidate;
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().cursor()) {
      coll.drop();
      invalidate = drain(cursor, 2).get(1).getResumeToken();
    }
    ChangeStreamIterable<BsonDocument> resumeAfter = coll.watch().resumeAfter(invalidate);
    assertThatThrownBy(() -> resumeAfter.cursor().close()).isInstanceOfSatisfying(MongoCommandException.class,
        e -> assertThat(e.getErrorCode()).isEqualTo(260));
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().startAfter(invalidate)
        .cursor()) {
      coll.insertOne(doc("{_id: 9}"));
      assertThat(cursor.next().getDocumentKey()).isEqualTo(doc("{_id: 9}"));
    }
  }

  @Test
  public void invalidPipelinesAndOptionsFailWithMongoDbsCodes() {
    assertThat(openError(coll.watch(List.of(doc("{$unsupported: 'foo'}"))))).isEqualTo(40324);
    assertThat(openError(coll.watch(List.of(doc("{$group: {_id: 1}}"))))).isEqualTo(20);
    assertThat(openError(coll.withReadConcern(ReadConcern.LOCAL).watch())).isEqualTo(72);
    assertThat(openError(client().getDatabase("admin").getCollection("x").watch())).isEqualTo(73);
  }

  @Test
  public void projectingOutIdFailsTheStreamAsNonResumable() {
    try (MongoCursor<BsonDocument> cursor = coll.watch(List.of(doc("{$project: {_id: 0}}")), BsonDocument.class)
        .withDocumentClass(BsonDocument.class).cursor()) {
      coll.insertOne(doc("{_id: 1}"));
      assertThatThrownBy(cursor::next).isInstanceOfSatisfying(MongoCommandException.class, e -> {
        assertThat(e.getErrorCode()).isEqualTo(280);
        assertThat(e.getErrorCodeName()).isEqualTo("ChangeStreamFatalError");
        assertThat(e.hasErrorLabel("NonResumableChangeStreamError")).isTrue();
      });
    }
  }

  @Test
  public void userStagesReshapeEvents() {
    try (MongoCursor<BsonDocument> cursor = coll.watch(List.of(
            doc("{$match: {operationType: 'insert', 'fullDocument.z': {$gte: 2}}}"),
            doc("{$project: {optype: '$operationType', ns: 1, newField: 'value'}}")), BsonDocument.class)
        .withDocumentClass(BsonDocument.class).cursor()) {
      coll.insertOne(doc("{_id: 1, z: 1}"));
      coll.insertOne(doc("{_id: 2, z: 2}"));
      BsonDocument event = cursor.next();
      assertThat(event.keySet()).containsExactly("_id", "ns", "optype", "newField");
      assertThat(event.getString("newField")).isEqualTo(new BsonString("value"));
    }
  }

  @Test
  public void resumableErrorAfterCursorCheckoutIsLabelledAndTheDriverResumes() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().cursor()) {
      coll.insertOne(doc("{_id: 1}"));
      assertThat(cursor.next().getDocumentKey()).isEqualTo(doc("{_id: 1}"));
      adminCommand("{configureFailPoint: 'failGetMoreAfterCursorCheckout', mode: {times: 1},"
          + " data: {errorCode: 6}}");
      coll.insertOne(doc("{_id: 2}"));
      assertThat(cursor.next().getDocumentKey()).isEqualTo(doc("{_id: 2}"));
    }
  }

  @Test
  public void failCommandErrorWithoutLabelsIsNotResumed() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch().cursor()) {
      adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
          + " data: {failCommands: ['getMore'], errorCode: 6}}");
      assertThatThrownBy(cursor::tryNext).isInstanceOfSatisfying(MongoException.class, e -> {
        assertThat(e.getCode()).isEqualTo(6);
        assertThat(e.hasErrorLabel("ResumableChangeStreamError")).isFalse();
      });
    }
  }

  @Test
  public void updateLookupReadsTheCurrentDocument() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch()
        .fullDocument(FullDocument.UPDATE_LOOKUP).cursor()) {
      coll.insertOne(doc("{_id: 1, a: 1}"));
      coll.updateOne(Filters.eq("_id", 1), Updates.set("a", 2));
      assertThat(drain(cursor, 2).get(1).getFullDocument()).isEqualTo(doc("{_id: 1, a: 2}"));
    }
  }

  @Test
  public void resumePointsThatCannotBeHonouredAreNotResumable() {
    ChangeStreamIterable<BsonDocument> ancient = coll.watch().startAtOperationTime(new BsonTimestamp(1, 1));
    assertThatThrownBy(() -> ancient.cursor().close()).isInstanceOfSatisfying(MongoCommandException.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(286);
      assertThat(e.hasErrorLabel("NonResumableChangeStreamError")).isTrue();
    });
    BsonDocument otherToken;
    MongoCollection<BsonDocument> other = db.getCollection("other", BsonDocument.class);
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = other.watch().cursor()) {
      other.insertOne(doc("{_id: 1}"));
      otherToken = cursor.next().getResumeToken();
    }
    ChangeStreamIterable<BsonDocument> foreign = coll.watch().resumeAfter(otherToken);
    assertThatThrownBy(() -> foreign.cursor().close()).isInstanceOfSatisfying(MongoCommandException.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(280);
      assertThat(e.hasErrorLabel("NonResumableChangeStreamError")).isTrue();
    });
    assertThat(openError(coll.watch().resumeAfter(doc("{_data: 1}")))).isEqualTo(40647);
  }

  @Test
  public void everyReplyCarriesAPostBatchResumeTokenAndBatchSizeIsHonoured() {
    List<BsonDocument> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
    CommandListener listener = new CommandListener() {
      @Override
      public void commandSucceeded(CommandSucceededEvent event) {
        if (event.getCommandName().equals("aggregate") || event.getCommandName().equals("getMore")) {
          replies.add(event.getResponse().getDocument("cursor").clone());
        }
      }
    };
    try (MongoClient listening = newClient(MongoClientSettings.builder().addCommandListener(listener))) {
      MongoCollection<BsonDocument> watched = listening.getDatabase(db.getName()).getCollection("coll",
          BsonDocument.class);
      try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = watched.watch().batchSize(2)
          .cursor()) {
        for (int i = 1; i <= 5; i++) {
          coll.insertOne(new BsonDocument("_id", new BsonInt32(i)));
        }
        assertThat(drain(cursor, 5)).hasSize(5);
      }
    }
    assertThat(replies).allSatisfy(reply -> assertThat(reply.containsKey("postBatchResumeToken")).isTrue());
    assertThat(replies).allSatisfy(reply -> assertThat(batch(reply).size()).isLessThanOrEqualTo(2));
    assertThat(replies.get(0).getInt64("id").getValue()).isNotZero();
  }

  private static org.bson.BsonArray batch(BsonDocument reply) {
    return reply.containsKey("firstBatch") ? reply.getArray("firstBatch") : reply.getArray("nextBatch");
  }

  @Test
  public void measuresInsertToEventLatency() throws Exception {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = coll.watch()
        .maxAwaitTime(5, TimeUnit.SECONDS).cursor()) {
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        BsonDocument key = new BsonDocument("_id", new BsonInt32(i));
        Future<Long> sent = writer.submit(() -> {
          long start = System.nanoTime();
          coll.insertOne(key);
          return start;
        });
        ChangeStreamDocument<BsonDocument> event = cursor.next();
        long received = System.nanoTime();
        assertThat(event.getDocumentKey()).isEqualTo(key);
        micros.add((received - sent.get()) / 1000);
      }
      micros.sort(null);
      System.out.printf("insert-to-event latency over %d events (insert sent -> event received by a waiting"
          + " watcher): median %d us, p90 %d us, p99 %d us%n", micros.size(), micros.get(micros.size() / 2),
          micros.get(micros.size() * 9 / 10), micros.get(micros.size() * 99 / 100));
    } finally {
      writer.shutdownNow();
    }
  }

  private static int openError(ChangeStreamIterable<?> watch) {
    try (MongoChangeStreamCursor<?> cursor = watch.cursor()) {
      cursor.tryNext();
      return 0;
    } catch (MongoCommandException e) {
      return e.getErrorCode();
    }
  }

  private static List<Integer> keysOf(ChangeStreamIterable<BsonDocument> watch, int count) {
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = watch.cursor()) {
      return drain(cursor, count).stream().map(e -> e.getDocumentKey().getInt32("_id").getValue()).toList();
    }
  }

  private static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }
}
