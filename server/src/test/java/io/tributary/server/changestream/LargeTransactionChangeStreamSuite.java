package io.tributary.server.changestream;

import static io.tributary.server.changestream.Drain.drain;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.server.ServerTestSupport;
import io.tributary.server.Tributary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A transaction too large for one oplog entry, through the Java driver: mongod 4.2+ stores it as a chain of
 * {@code applyOps} entries ({@code partialTxn: true}, linked by {@code prevOpTime}, the last, the commit, with the
 * {@code count} of operations), and change streams still show every operation in order, all at the commit's
 * {@code clusterTime}, numbered ({@code txnOpIndex}) across the whole transaction and resumable from any of them.
 * The server packs at most two operations per entry ({@code maxNumberOfTransactionOperationsInSingleOplogEntry}, as
 * mongod's own tests force chains), and one test crosses the 16 MB limit itself. Subclassed per storage engine.
 */
public abstract class LargeTransactionChangeStreamSuite extends ServerTestSupport {
  private MongoDatabase db;
  private MongoCollection<BsonDocument> coll;
  private MongoCollection<BsonDocument> other;

  @Override
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder.setParameter("maxNumberOfTransactionOperationsInSingleOplogEntry", "2");
  }

  @BeforeEach
  public void setUp(TestInfo test) {
    db = client().getDatabase("large_" + Math.abs(test.getDisplayName().hashCode()));
    coll = db.getCollection("coll", BsonDocument.class);
    other = db.getCollection("other", BsonDocument.class);
    coll.insertOne(doc("{_id: 0}"));
    other.insertOne(doc("{_id: 0}"));
  }

  @AfterEach
  public void tearDown() {
    db.drop();
  }

  @Test
  public void everyOperationOfAChainedTransactionIsAnEventAtTheCommitsTime() {
    List<ChangeStreamDocument<BsonDocument>> events;
    try (var stream = db.watch(BsonDocument.class).cursor(); ClientSession session = client().startSession()) {
      transaction(session, s -> {
        coll.insertOne(s, doc("{_id: 1}"));
        other.insertOne(s, doc("{_id: 2}"));
        coll.updateOne(s, Filters.eq("_id", 1), Updates.set("x", 1));
        coll.insertOne(s, doc("{_id: 3}"));
        other.deleteOne(s, Filters.eq("_id", 2));
      });
      events = drain(stream, 5);
    }
    assertThat(events).extracting(ChangeStreamDocument::getOperationType).containsExactly(OperationType.INSERT,
        OperationType.INSERT, OperationType.UPDATE, OperationType.INSERT, OperationType.DELETE);
    assertThat(events).extracting(ChangeStreamDocument::getClusterTime).containsOnly(events.get(0).getClusterTime());
    assertThat(events).allSatisfy(e -> assertThat(e.getTxnNumber()).isNotNull());
    assertThat(events).extracting(e -> e.getResumeToken().getString("_data").getValue()).isSorted()
        .doesNotHaveDuplicates();

    List<BsonDocument> entries = newestOplogEntries(3);
    assertThat(entries).extracting(e -> e.getDocument("o").getArray("applyOps").size()).containsExactly(2, 2, 1);
    assertThat(entries.get(0).getDocument("o").getBoolean("partialTxn").getValue()).isTrue();
    assertThat(entries.get(0).getDocument("prevOpTime").getTimestamp("ts")).isEqualTo(new BsonTimestamp(0, 0));
    assertThat(entries.get(1).getDocument("o").getBoolean("partialTxn").getValue()).isTrue();
    assertThat(entries.get(1).getDocument("prevOpTime").getTimestamp("ts"))
        .isEqualTo(entries.get(0).getTimestamp("ts"));
    assertThat(entries.get(2).getDocument("o").containsKey("partialTxn")).isFalse();
    assertThat(entries.get(2).getDocument("o").getInt64("count").getValue()).isEqualTo(5);
    assertThat(entries.get(2).getDocument("prevOpTime").getTimestamp("ts"))
        .isEqualTo(entries.get(1).getTimestamp("ts"));
    assertThat(entries.get(2).getTimestamp("ts")).as("the commit's time").isEqualTo(events.get(0).getClusterTime());
  }

  @Test
  public void aStreamResumesFromAnyEventOfAChainedTransaction() {
    List<BsonDocument> tokens = new ArrayList<>();
    BsonTimestamp commitTime;
    try (var stream = coll.watch().cursor(); ClientSession session = client().startSession()) {
      transaction(session, s -> {
        for (int id = 1; id <= 5; id++) {
          coll.insertOne(s, new BsonDocument("_id", new org.bson.BsonInt32(id)));
        }
      });
      coll.insertOne(doc("{_id: 6}"));
      List<ChangeStreamDocument<BsonDocument>> events = drain(stream, 6);
      events.forEach(e -> tokens.add(e.getResumeToken()));
      commitTime = events.get(0).getClusterTime();
    }
    assertThat(ids(coll.watch().resumeAfter(tokens.get(2)).cursor(), 3)).containsExactly(4, 5, 6);
    assertThat(ids(coll.watch().startAfter(tokens.get(0)).cursor(), 5)).containsExactly(2, 3, 4, 5, 6);
    assertThat(ids(coll.watch().resumeAfter(tokens.get(4)).cursor(), 1)).containsExactly(6);
    assertThat(ids(coll.watch().startAtOperationTime(commitTime).cursor(), 6)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  public void aTransactionOverSixteenMegabytesIsSplitAtTheLimitAndEveryEventArrives() {
    String tenMegabytes = "x".repeat(10 * 1024 * 1024);
    List<ChangeStreamDocument<BsonDocument>> events;
    try (var stream = coll.watch().cursor(); ClientSession session = client().startSession()) {
      transaction(session, s -> {
        coll.insertOne(s, new BsonDocument("_id", new org.bson.BsonInt32(1))
            .append("big", new org.bson.BsonString(tenMegabytes)));
        coll.insertOne(s, new BsonDocument("_id", new org.bson.BsonInt32(2))
            .append("big", new org.bson.BsonString(tenMegabytes)));
      });
      events = drain(stream, 2);
    }
    assertThat(events).extracting(e -> e.getDocumentKey().getInt32("_id").getValue()).containsExactly(1, 2);
    assertThat(events).extracting(ChangeStreamDocument::getClusterTime).containsOnly(events.get(0).getClusterTime());
    assertThat(events.get(1).getFullDocument().getString("big").getValue()).hasSize(tenMegabytes.length());
    List<BsonDocument> entries = newestOplogEntries(2);
    assertThat(entries).extracting(e -> e.getDocument("o").getArray("applyOps").size()).containsExactly(1, 1);
    assertThat(entries.get(1).getDocument("o").getInt64("count").getValue()).isEqualTo(2);
  }

  /** The newest {@code count} entries of {@code local.oplog.rs}, oldest first. */
  private List<BsonDocument> newestOplogEntries(int count) {
    List<BsonDocument> entries = client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class).find()
        .sort(doc("{$natural: -1}")).limit(count).into(new ArrayList<>());
    Collections.reverse(entries);
    return entries;
  }

  private static void transaction(ClientSession session, Consumer<ClientSession> work) {
    session.startTransaction();
    work.accept(session);
    session.commitTransaction();
  }

  /** The document keys of the first {@code count} events; closes the stream. */
  private static List<Integer> ids(MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> stream, int count) {
    try (stream) {
      return drain(stream, count).stream().map(e -> e.getDocumentKey().getInt32("_id").getValue()).toList();
    }
  }

  private static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }
}
