package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.COLL;
import static io.tributary.engine.changestream.StreamFixture.COLL_UUID;
import static io.tributary.engine.changestream.StreamFixture.key;
import static io.tributary.engine.changestream.StreamFixture.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.oplog.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeStreamCursorTest {
  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void tearDown() throws InterruptedException {
    fixture.close();
  }

  @Test
  void initialBatchIsEmptyWithAHighWaterMarkJustAfterTheNewestEntry() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).isEmpty();
    assertThat(batch.exhausted()).isFalse();
    ResumeToken pbrt = ResumeToken.parse(batch.postBatchResumeToken());
    assertThat(pbrt.isHighWaterMark()).isTrue();
    assertThat(pbrt.clusterTime().getValue()).isEqualTo(fixture.oplog.lastVisible().getValue() + 1);
  }

  @Test
  void getMoreParksUntilACommitAndReturnsTheEvent() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);
    assertThat(waiting).isNotDone();
    fixture.insert(1);
    CursorBatch batch = waiting.join();
    assertThat(batch.documents()).singleElement().satisfies(event ->
        assertThat(event.getString("operationType").getValue()).isEqualTo("insert"));
    assertThat(batch.postBatchResumeToken()).isEqualTo(batch.documents().get(0).get("_id"));
    assertThat(fixture.streams.waitingStreams()).isZero();
    assertThat(fixture.oplog.pendingWaiters()).as("the reader's one registration while streams are open")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void keepsWaitingThroughEntriesOfOtherNamespaces() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);
    fixture.insert(Namespace.of("db", "other"), 1);
    fixture.insert(Namespace.of("otherdb", "coll"), 2);
    assertThat(waiting).isNotDone();
    fixture.insert(3);
    assertThat(waiting.join().documents()).singleElement().satisfies(event ->
        assertThat(event.getDocument("documentKey")).isEqualTo(key(3)));
  }

  @Test
  void aFilteredStreamKeepsWaitingThroughEntriesItsFilterDrops() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument(),
        new BsonDocument("$match", new BsonDocument("documentKey._id", new BsonInt32(3))));
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);
    fixture.insert(1);
    fixture.insert(2);
    assertThat(waiting).isNotDone();
    fixture.insert(3);
    assertThat(waiting.join().documents()).singleElement().satisfies(event ->
        assertThat(event.getDocument("documentKey")).isEqualTo(key(3)));
  }

  @Test
  void aFilteredStreamsDeadlineTokenPassesTheEntriesItsFilterDropped() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument(),
        new BsonDocument("$match", new BsonDocument("documentKey._id", new BsonInt32(99))));
    next(cursor);
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 200);
    fixture.insert(1);
    fixture.insert(2);
    CursorBatch batch = waiting.join();
    assertThat(batch.documents()).isEmpty();
    assertThat(ResumeToken.parse(batch.postBatchResumeToken()).clusterTime()).isEqualTo(fixture.oplog.lastVisible());
    assertThat(fixture.streams.waitingStreams()).isZero();
  }

  @Test
  void awaitDeadlineReturnsAnEmptyBatchWithAnAdvancedHighWaterMarkAndLeavesNoWaiter() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    BsonDocument initial = next(cursor).postBatchResumeToken();
    fixture.insert(Namespace.of("db", "other"), 1);
    fixture.insert(Namespace.of("db", "other"), 2);
    CursorBatch batch = cursor.next(0, 20).join();
    assertThat(batch.documents()).isEmpty();
    assertThat(batch.exhausted()).isFalse();
    ResumeToken pbrt = ResumeToken.parse(batch.postBatchResumeToken());
    assertThat(pbrt).isGreaterThan(ResumeToken.parse(initial));
    assertThat(pbrt.isHighWaterMark()).isTrue();
    assertThat(pbrt.clusterTime()).isEqualTo(fixture.oplog.lastVisible());
    assertThat(fixture.streams.waitingStreams()).isZero();
    assertThat(fixture.oplog.pendingWaiters()).as("one shared registration at most").isLessThanOrEqualTo(1);
  }

  @Test
  void batchSizeLimitsABatchAndTheTokenIsTheLastEventReturned() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    for (int i = 1; i <= 5; i++) {
      fixture.insert(i);
    }
    CursorBatch first = next(cursor, 2);
    assertThat(first.documents()).hasSize(2);
    assertThat(first.postBatchResumeToken()).isEqualTo(first.documents().get(1).get("_id"));
    CursorBatch rest = next(cursor, 0);
    assertThat(rest.documents()).extracting(e -> e.getDocument("documentKey")).containsExactly(key(3), key(4),
        key(5));
  }

  @Test
  void dropEndsACollectionStreamWithInvalidate() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.insert(1);
    fixture.oplog.append(new Operation.Drop(COLL, COLL_UUID));
    fixture.insert(2);
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("insert", "drop", "invalidate");
    assertThat(batch.exhausted()).isTrue();
    BsonDocument invalidate = batch.documents().get(2);
    assertThat(invalidate.keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime");
    assertThat(batch.postBatchResumeToken()).isEqualTo(invalidate.get("_id"));
    assertThat(ResumeToken.parse(invalidate.getDocument("_id")).fromInvalidate()).isTrue();
  }

  @Test
  void invalidateEndsTheBatchEvenWhenTheUserFilteredItOut() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument(),
        new BsonDocument("$match", new BsonDocument("operationType", new org.bson.BsonString("insert"))));
    fixture.insert(1);
    fixture.oplog.append(new Operation.Drop(COLL, COLL_UUID));
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).singleElement().satisfies(e ->
        assertThat(e.getString("operationType").getValue()).isEqualTo("insert"));
    assertThat(batch.exhausted()).isTrue();
    assertThat(ResumeToken.parse(batch.postBatchResumeToken()).fromInvalidate()).isTrue();
  }

  @Test
  void renameOntoTheWatchedCollectionInvalidatesIt() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.oplog.append(new Operation.Rename(Namespace.of("db", "src"), COLL_UUID, COLL, COLL_UUID));
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("rename", "invalidate");
    assertThat(batch.documents().get(0).getDocument("to")).isEqualTo(EventParts.namespaceDocument(COLL));
  }

  @Test
  void databaseStreamSeesItsCollectionsButNotSystemOnesAndEndsOnDropDatabase() {
    ChangeStreamCursor cursor = fixture.open("db", new BsonInt32(1), new BsonDocument());
    assertThat(cursor.namespace().fullName()).isEqualTo("db.$cmd.aggregate");
    fixture.insert(Namespace.of("db", "a"), 1);
    fixture.insert(Namespace.of("db", "system.views"), 2);
    fixture.insert(Namespace.of("other", "a"), 3);
    fixture.oplog.append(new Operation.Drop(Namespace.of("db", "a"), COLL_UUID));
    fixture.oplog.append(new Operation.DropDatabase(Namespace.of("db", "$cmd")));
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("insert", "drop", "dropDatabase", "invalidate");
    assertThat(batch.documents().get(2).getDocument("ns")).isEqualTo(new BsonDocument("db",
        new org.bson.BsonString("db")));
    assertThat(batch.exhausted()).isTrue();
  }

  @Test
  void clusterStreamSeesUserDatabasesAndIsNeverInvalidated() {
    ChangeStreamCursor cursor = fixture.open("admin", new BsonInt32(1),
        new BsonDocument("allChangesForCluster", org.bson.BsonBoolean.TRUE));
    assertThat(cursor.namespace().fullName()).isEqualTo("admin.$cmd.aggregate");
    fixture.insert(Namespace.of("a", "x"), 1);
    fixture.insert(Namespace.of("config", "x"), 2);
    fixture.oplog.append(new Operation.DropDatabase(Namespace.of("a", "$cmd")));
    fixture.insert(Namespace.of("b", "y"), 3);
    CursorBatch batch = next(cursor);
    assertThat(batch.documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("insert", "dropDatabase", "insert");
    assertThat(batch.exhausted()).isFalse();
  }

  @Test
  void closeCompletesAParkedGetMore() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);
    cursor.close();
    assertThat(waiting).isCompletedExceptionally();
    assertThat(fixture.streams.waitingStreams()).isZero();
  }

  @Test
  void userStagesReshapeEventsButChangingIdKillsTheStreamAsNonResumable() {
    ChangeStreamCursor reshaped = fixture.open(new BsonDocument(), BsonDocument.parse(
        "{$project: {optype: '$operationType', ns: 1, newField: 'value'}}"));
    ChangeStreamCursor noId = fixture.open(new BsonDocument(), BsonDocument.parse("{$project: {_id: 0}}"));
    fixture.insert(1);
    BsonDocument event = next(reshaped).documents().get(0);
    assertThat(event.keySet()).containsExactly("_id", "ns", "optype", "newField");
    assertThatThrownBy(() -> next(noId)).isInstanceOf(java.util.concurrent.CompletionException.class).cause()
        .isInstanceOfSatisfying(io.tributary.engine.error.MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(280);
          assertThat(e.labels()).containsExactly("NonResumableChangeStreamError");
        });
    assertThat(noId.next(0, 0)).isCompletedExceptionally();
  }

  @Test
  void oneStreamsStagesNeverChangeWhatAnotherStreamSees() {
    ChangeStreamCursor reshaping = fixture.open(new BsonDocument(), BsonDocument.parse(
        "{$set: {'fullDocument.extra': 1, 'documentKey.extra': 1}}"), BsonDocument.parse(
        "{$unset: 'fullDocument.x'}"));
    ChangeStreamCursor plain = fixture.open(new BsonDocument());
    fixture.insert(1);
    assertThat(next(reshaping).documents().get(0).getDocument("fullDocument").keySet()).containsExactly("_id",
        "extra");
    BsonDocument event = next(plain).documents().get(0);
    assertThat(event.getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, x: 1}"));
    assertThat(event.getDocument("documentKey")).isEqualTo(key(1));
  }

  @Test
  void manyParkedStreamsShareOneOplogRegistrationAndOneCommitWakesThemAll() {
    List<ChangeStreamCursor> cursors = new ArrayList<>();
    List<CompletableFuture<CursorBatch>> waits = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ChangeStreamCursor cursor = fixture.open(new BsonDocument());
      cursors.add(cursor);
      waits.add(cursor.next(0, 60_000));
    }
    assertThat(waits).noneMatch(CompletableFuture::isDone);
    assertThat(fixture.streams.waitingStreams()).isEqualTo(1000);
    assertThat(fixture.oplog.pendingWaiters()).as("the writer completes one future per commit").isEqualTo(1);
    fixture.insert(1);
    assertThat(waits).allSatisfy(wait -> assertThat(wait.join().documents()).hasSize(1));
    assertThat(fixture.streams.waitingStreams()).isZero();
    assertThat(fixture.oplog.pendingWaiters()).as("the reader's one registration").isLessThanOrEqualTo(1);
    cursors.forEach(ChangeStreamCursor::close);
  }
}
