package io.tributary.server.changestream;

import static io.tributary.server.changestream.Drain.drain;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Multi-document transactions in change streams and the oplog, through the Java driver: a committed transaction is
 * one {@code applyOps} oplog entry, its events share one {@code clusterTime}, carry {@code lsid} and
 * {@code txnNumber}, and resuming, starting at its time and batching work inside it (reference §1.8). Subclassed
 * per storage engine.
 */
public abstract class TransactionChangeStreamSuite extends ServerTestSupport {
  /** The {@code uid} mongod adds to a session id without authentication: the SHA-256 of nothing. */
  private static final byte[] NO_AUTH_UID =
      java.util.HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  private MongoDatabase db;
  private MongoCollection<BsonDocument> coll;
  private MongoCollection<BsonDocument> other;

  @BeforeEach
  public void setUp(TestInfo test) {
    db = client().getDatabase("txn_" + Math.abs(test.getDisplayName().hashCode()));
    coll = db.getCollection("coll", BsonDocument.class);
    other = db.getCollection("other", BsonDocument.class);
    coll.insertOne(doc("{_id: 'seed', n: 0}"));
    other.insertOne(doc("{_id: 'seed'}"));
  }

  @AfterEach
  public void tearDown() {
    db.drop();
  }

  @Test
  public void aTransactionsEventsShareTheCommitTimeAndCarryItsSession() {
    try (var collection = coll.watch().cursor(); var database = db.watch(BsonDocument.class).cursor();
         ClientSession session = client().startSession()) {
      transaction(session, s -> {
        coll.insertOne(s, doc("{_id: 1}"));
        other.insertOne(s, doc("{_id: 2}"));
        coll.updateOne(s, Filters.eq("_id", 1), Updates.set("x", 1));
      });
      List<ChangeStreamDocument<BsonDocument>> events = drain(database, 3);
      assertThat(events).extracting(ChangeStreamDocument::getOperationType)
          .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.UPDATE);
      assertThat(events).extracting(ChangeStreamDocument::getClusterTime).containsOnly(events.get(0).getClusterTime());
      assertThat(events).allSatisfy(e -> {
        assertThat(e.getLsid()).isEqualTo(session.getServerSession().getIdentifier().clone()
            .append("uid", new BsonBinary(NO_AUTH_UID)));
        assertThat(e.getTxnNumber()).isEqualTo(new BsonInt64(session.getServerSession().getTransactionNumber()));
      });
      assertThat(events).extracting(e -> e.getResumeToken().getString("_data").getValue()).isSorted()
          .doesNotHaveDuplicates();
      List<ChangeStreamDocument<BsonDocument>> mine = drain(collection, 2);
      assertThat(mine).extracting(ChangeStreamDocument::getResumeToken)
          .containsExactly(events.get(0).getResumeToken(), events.get(2).getResumeToken());
    }
  }

  @Test
  public void resumingFromTheSecondEventOfAThreeOperationTransactionGivesTheThirdThenLaterWrites() {
    List<BsonDocument> tokens = new ArrayList<>();
    try (var stream = coll.watch().cursor(); ClientSession session = client().startSession()) {
      threeInserts(session);
      coll.insertOne(doc("{_id: 4}"));
      drain(stream, 4).forEach(e -> tokens.add(e.getResumeToken()));
    }
    assertThat(ids(coll.watch().resumeAfter(tokens.get(1)).cursor(), 2)).containsExactly(3, 4);
    assertThat(ids(coll.watch().startAfter(tokens.get(1)).cursor(), 2)).containsExactly(3, 4);
    assertThat(ids(coll.watch().resumeAfter(tokens.get(0)).cursor(), 3)).containsExactly(2, 3, 4);
  }

  @Test
  public void startAtOperationTimeOfTheCommitIncludesTheWholeTransaction() {
    BsonTimestamp commitTime;
    try (var stream = coll.watch().cursor(); ClientSession session = client().startSession()) {
      threeInserts(session);
      commitTime = stream.next().getClusterTime();
    }
    assertThat(ids(coll.watch().startAtOperationTime(commitTime).cursor(), 3)).containsExactly(1, 2, 3);
  }

  @Test
  public void aBatchThatEndsInsideATransactionEndsAtItsLastEvent() {
    BsonTimestamp start = client().getDatabase("admin").runCommand(doc("{ping: 1}"), BsonDocument.class)
        .getTimestamp("operationTime");
    try (ClientSession session = client().startSession()) {
      threeInserts(session);
    }
    BsonDocument first = db.runCommand(new BsonDocument("aggregate", new BsonString("coll"))
        .append("pipeline", new BsonArray(List.of(new BsonDocument("$changeStream",
            new BsonDocument("startAtOperationTime", new BsonTimestamp(start.getValue() + 1))))))
        .append("cursor", doc("{batchSize: 2}")), BsonDocument.class).getDocument("cursor");
    BsonArray firstBatch = first.getArray("firstBatch");
    assertThat(firstBatch).hasSize(2);
    assertThat(first.getDocument("postBatchResumeToken")).isEqualTo(firstBatch.get(1).asDocument().get("_id"));
    BsonDocument next = db.runCommand(new BsonDocument("getMore", first.get("id"))
        .append("collection", new BsonString("coll")).append("batchSize", new BsonInt32(2)), BsonDocument.class)
        .getDocument("cursor");
    assertThat(next.getArray("nextBatch")).extracting(e -> e.asDocument().getDocument("documentKey"))
        .containsExactly(doc("{_id: 3}"));
    db.runCommand(new BsonDocument("killCursors", new BsonString("coll"))
        .append("cursors", new BsonArray(List.of(first.get("id")))));
    assertThat(ids(coll.watch().resumeAfter(first.getDocument("postBatchResumeToken")).cursor(), 1))
        .containsExactly(3);
  }

  @Test
  public void eachOperationHasItsOwnPreAndPostImage() {
    db.createCollection("imaged", new CreateCollectionOptions()
        .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
    MongoCollection<BsonDocument> imaged = db.getCollection("imaged", BsonDocument.class);
    imaged.insertOne(doc("{_id: 1, n: 0}"));
    try (var stream = imaged.watch().fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED)
        .fullDocument(com.mongodb.client.model.changestream.FullDocument.REQUIRED).cursor();
         ClientSession session = client().startSession()) {
      transaction(session, s -> {
        imaged.updateOne(s, Filters.eq("_id", 1), Updates.inc("n", 1));
        imaged.updateOne(s, Filters.eq("_id", 1), Updates.inc("n", 1));
        imaged.deleteOne(s, Filters.eq("_id", 1));
      });
      List<ChangeStreamDocument<BsonDocument>> events = drain(stream, 3);
      assertThat(events).extracting(ChangeStreamDocument::getFullDocumentBeforeChange)
          .containsExactly(doc("{_id: 1, n: 0}"), doc("{_id: 1, n: 1}"), doc("{_id: 1, n: 2}"));
      assertThat(events.subList(0, 2)).extracting(ChangeStreamDocument::getFullDocument)
          .containsExactly(doc("{_id: 1, n: 1}"), doc("{_id: 1, n: 2}"));
    }
  }

  @Test
  public void aLargeEventInsideATransactionSplitsAndResumesFromItsFragments() {
    db.createCollection("big", new CreateCollectionOptions()
        .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
    MongoCollection<BsonDocument> big = db.getCollection("big", BsonDocument.class);
    String tenMegabytes = "x".repeat(10 * 1024 * 1024);
    big.insertOne(new BsonDocument("_id", new BsonInt32(1)).append("s", new BsonString(tenMegabytes)));
    List<BsonDocument> split = List.of(doc("{$changeStreamSplitLargeEvent: {}}"));
    List<BsonDocument> fragments = new ArrayList<>();
    try (var stream = big.watch(split, BsonDocument.class).fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED)
        .withDocumentClass(BsonDocument.class).cursor(); ClientSession session = client().startSession()) {
      transaction(session, s -> {
        big.replaceOne(s, Filters.eq("_id", 1), new BsonDocument("s", new BsonString(tenMegabytes + "y")));
        big.insertOne(s, doc("{_id: 2}"));
      });
      for (int i = 0; i < 3; i++) {
        fragments.add(stream.next());
      }
    }
    assertThat(fragments.get(0).getDocument("splitEvent")).isEqualTo(doc("{fragment: 1, of: 2}"));
    assertThat(fragments.get(1).getDocument("splitEvent")).isEqualTo(doc("{fragment: 2, of: 2}"));
    assertThat(fragments.get(2).getString("operationType").getValue()).isEqualTo("insert");
    try (var resumed = big.watch(split, BsonDocument.class).fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED)
        .resumeAfter(fragments.get(0).getDocument("_id")).withDocumentClass(BsonDocument.class).cursor()) {
      assertThat(resumed.next()).isEqualTo(fragments.get(1));
      assertThat(resumed.next()).isEqualTo(fragments.get(2));
    }
  }

  @Test
  public void theOplogShowsTheTransactionAsOneApplyOpsEntry() {
    try (ClientSession session = client().startSession()) {
      transaction(session, s -> {
        coll.insertOne(s, doc("{_id: 1}"));
        other.deleteOne(s, Filters.eq("_id", "seed"));
      });
      BsonDocument newest;
      try (MongoCursor<BsonDocument> oplog = client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
          .find().sort(doc("{$natural: -1}")).limit(1).cursor()) {
        newest = oplog.next();
      }
      assertThat(newest.getString("op").getValue()).isEqualTo("c");
      assertThat(newest.getString("ns").getValue()).isEqualTo("admin.$cmd");
      assertThat(newest.getDocument("lsid").get("id"))
          .isEqualTo(session.getServerSession().getIdentifier().get("id"));
      assertThat(newest.getDocument("lsid").getBinary("uid").getData()).isEqualTo(NO_AUTH_UID);
      assertThat(newest.getInt64("txnNumber").getValue()).isEqualTo(session.getServerSession().getTransactionNumber());
      assertThat(newest.getDocument("o").getArray("applyOps")).extracting(
          o -> o.asDocument().getString("op").getValue() + " " + o.asDocument().getString("ns").getValue())
          .containsExactly("i " + coll.getNamespace().getFullName(), "d " + other.getNamespace().getFullName());
    }
  }

  @Test
  public void collectionsAndIndexesCreatedInATransactionAppearAtItsCommit() {
    MongoCollection<BsonDocument> fresh = db.getCollection("fresh", BsonDocument.class);
    try (var stream = db.watch(BsonDocument.class).showExpandedEvents(true).cursor();
         ClientSession session = client().startSession()) {
      session.startTransaction();
      db.createCollection(session, "fresh");
      fresh.createIndex(session, doc("{x: 1}"));
      fresh.insertOne(session, doc("{_id: 1, x: 1}"));
      assertThat(db.listCollectionNames()).doesNotContain("fresh");
      session.commitTransaction();
      assertThat(db.listCollectionNames()).contains("fresh");
      assertThat(drain(stream, 3)).extracting(ChangeStreamDocument::getOperationTypeString)
          .containsExactly("create", "createIndexes", "insert");
    }
  }

  private void threeInserts(ClientSession session) {
    transaction(session, s -> {
      coll.insertOne(s, doc("{_id: 1}"));
      coll.insertOne(s, doc("{_id: 2}"));
      coll.insertOne(s, doc("{_id: 3}"));
    });
  }

  private static void transaction(ClientSession session, Consumer<ClientSession> work) {
    session.startTransaction();
    work.accept(session);
    session.commitTransaction();
  }

  /** The document keys of the first {@code count} events, then no more pending; closes the stream. */
  private static List<Integer> ids(MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> stream, int count) {
    try (stream) {
      List<Integer> ids = drain(stream, count).stream()
          .map(e -> e.getDocumentKey().getInt32("_id").getValue()).toList();
      return ids;
    }
  }

  private static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }
}
