package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.COLL;
import static io.tributary.engine.changestream.StreamFixture.COLL_UUID;
import static io.tributary.engine.changestream.StreamFixture.key;
import static io.tributary.engine.changestream.StreamFixture.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.SessionInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction is one oplog entry: its events share the commit's cluster time, carry the session and are told
 * apart by {@code txnOpIndex} (reference §1.8); resuming and batching work inside it.
 */
class ChangeStreamTransactionTest {
  private static final Namespace OTHER = Namespace.of("db", "other");
  private static final BsonDocument LSID = BsonDocument.parse("{id: 42}");

  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void tearDown() throws InterruptedException {
    fixture.close();
  }

  @Test
  void eachOperationIsAnEventAtTheCommitTimeWithItsSessionAndPosition() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    OplogEntry commit = commit(7, insert(COLL, 1), insert(COLL, 2), delete(COLL, 1));

    List<BsonDocument> events = next(cursor).documents();

    assertThat(events).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("insert", "insert", "delete");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.keySet()).startsWith("txnNumber", "lsid", "_id", "operationType", "clusterTime");
      assertThat(e.get("clusterTime")).isEqualTo(commit.clusterTime());
      assertThat(e.get("txnNumber")).isEqualTo(new BsonInt64(7));
      assertThat(e.getDocument("lsid").get("id")).isEqualTo(LSID.get("id"));
      assertThat(e.getDocument("lsid").getBinary("uid").getData()).hasSize(32); // mongod adds the user's digest
    });
    assertThat(tokens(events)).extracting(ResumeToken::txnOpIndex).containsExactly(0, 1, 2);
    assertThat(tokens(events)).isSorted();
  }

  @Test
  void txnOpIndexIsThePositionInTheTransactionWhateverTheStreamSees() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    commit(1, insert(OTHER, 1), insert(COLL, 2), insert(OTHER, 3), insert(COLL, 4));

    List<BsonDocument> events = next(cursor).documents();

    assertThat(events).extracting(e -> e.getDocument("documentKey")).containsExactly(key(2), key(4));
    assertThat(tokens(events)).extracting(ResumeToken::txnOpIndex).containsExactly(1, 3);
  }

  @Test
  void resumingFromAnEventInsideATransactionContinuesWithItsNextOperation() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    commit(1, insert(COLL, 1), insert(COLL, 2), insert(COLL, 3));
    fixture.insert(4);
    List<BsonDocument> events = next(cursor).documents();
    assertThat(events).hasSize(4);

    for (String option : List.of("resumeAfter", "startAfter")) {
      ChangeStreamCursor resumed = fixture.open(new BsonDocument(option, events.get(1).getDocument("_id")));
      assertThat(next(resumed).documents()).isEqualTo(events.subList(2, 4));
    }
    ChangeStreamCursor afterLast = fixture.open(new BsonDocument("resumeAfter", events.get(2).getDocument("_id")));
    assertThat(next(afterLast).documents()).isEqualTo(events.subList(3, 4));
  }

  @Test
  void startAtTheCommitTimeIncludesTheWholeTransaction() {
    fixture.insert(9);
    OplogEntry commit = commit(1, insert(COLL, 1), insert(COLL, 2), insert(COLL, 3));

    ChangeStreamCursor started = fixture.open(new BsonDocument("startAtOperationTime", commit.clusterTime()));

    assertThat(next(started).documents()).extracting(e -> e.getDocument("documentKey"))
        .containsExactly(key(1), key(2), key(3));
  }

  @Test
  void aBatchMayEndInsideATransactionAndItsTokenIsTheLastEventReturned() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    commit(1, insert(COLL, 1), insert(COLL, 2), insert(COLL, 3));

    CursorBatch first = next(cursor, 2);
    assertThat(first.documents()).hasSize(2);
    assertThat(first.postBatchResumeToken()).isEqualTo(first.documents().get(1).getDocument("_id"));
    CursorBatch second = next(cursor, 2);
    assertThat(second.documents()).extracting(e -> e.getDocument("documentKey")).containsExactly(key(3));

    ChangeStreamCursor resumed = fixture.open(new BsonDocument("resumeAfter", first.postBatchResumeToken()));
    assertThat(next(resumed).documents()).isEqualTo(second.documents());
  }

  @Test
  void aParkedStreamWakesForATransactionThatTouchesItsCollectionAfterOthers() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);

    commit(1, insert(OTHER, 1), insert(Namespace.of("elsewhere", "c"), 2), insert(COLL, 3));

    assertThat(waiting.join().documents()).extracting(e -> e.getDocument("documentKey")).containsExactly(key(3));
  }

  @Test
  void aDatabaseStreamSeesTheTransactionsOperationsOnItsCollectionsOnly() {
    ChangeStreamCursor cursor = fixture.open("db", new org.bson.BsonInt32(1), new BsonDocument());
    commit(1, insert(COLL, 1), insert(Namespace.of("elsewhere", "c"), 2), insert(OTHER, 3));

    assertThat(next(cursor).documents()).extracting(e -> e.getDocument("ns").getString("coll").getValue())
        .containsExactly("coll", "other");
  }

  private OplogEntry commit(long txnNumber, Operation... operations) {
    return fixture.oplog.append(new Operation.ApplyOps(List.of(operations)),
        new SessionInfo(LSID, txnNumber, 0, true));
  }

  private static Operation insert(Namespace ns, int id) {
    return new Operation.Insert(ns, COLL_UUID, key(id), key(id).append("ns", new BsonString(ns.fullName())));
  }

  private static Operation delete(Namespace ns, int id) {
    return new Operation.Delete(ns, COLL_UUID, key(id), null);
  }

  private static List<ResumeToken> tokens(List<BsonDocument> events) {
    return events.stream().map(e -> ResumeToken.parse(e.getDocument("_id"))).toList();
  }
}
