package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.COLL;
import static io.tributary.engine.changestream.StreamFixture.COLL_UUID;
import static io.tributary.engine.changestream.StreamFixture.key;
import static io.tributary.engine.changestream.StreamFixture.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.Operation;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** resumeAfter, startAfter and startAtOperationTime (reference §1.2, §1.10, §1.11). */
class ChangeStreamResumeTest {
  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void tearDown() throws InterruptedException {
    fixture.close();
  }

  @Test
  void resumeAfterAnEventReturnsTheEventsAfterIt() {
    List<BsonDocument> events = insertAndRead(1, 2, 3);
    ChangeStreamCursor resumed = fixture.open(new BsonDocument("resumeAfter", events.get(0).getDocument("_id")));
    assertThat(next(resumed).documents()).isEqualTo(events.subList(1, 3));
  }

  @Test
  void resumeAfterAHighWaterMarkReturnsEventsAtOrAfterIt() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    BsonDocument pbrt = next(cursor).postBatchResumeToken();
    fixture.insert(1);
    ChangeStreamCursor resumed = fixture.open(new BsonDocument("resumeAfter", pbrt));
    assertThat(next(resumed).documents()).hasSize(1);
  }

  @Test
  void startAtOperationTimeIsInclusive() {
    List<BsonDocument> events = insertAndRead(1, 2);
    ChangeStreamCursor started = fixture.open(new BsonDocument("startAtOperationTime",
        events.get(1).get("clusterTime")));
    assertThat(next(started).documents()).isEqualTo(events.subList(1, 2));
    assertThat(ResumeToken.parse(fixture.open(new BsonDocument("startAtOperationTime",
        events.get(1).get("clusterTime"))).postBatchResumeToken().toBson()).isHighWaterMark()).isTrue();
  }

  @Test
  void resumePointOlderThanTheOplogIsHistoryLost() {
    List<BsonDocument> events = insertAndRead(1, 2);
    fixture.oplog.truncate(2);
    assertThatThrownBy(() -> fixture.open(new BsonDocument("resumeAfter", events.get(0).getDocument("_id"))))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(286);
          assertThat(e.labels()).containsExactly(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
        });
    assertThatThrownBy(() -> fixture.open(new BsonDocument("startAtOperationTime", new BsonTimestamp(1, 1))))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(286));
  }

  @Test
  void tokenOfAnotherStreamIsNotFound() {
    List<BsonDocument> events = insertAndRead(1);
    ChangeStreamCursor other = fixture.open("db", new org.bson.BsonString("other"),
        new BsonDocument("resumeAfter", events.get(0).getDocument("_id")));
    assertThatThrownBy(() -> next(other)).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(280);
          assertThat(e.labels()).containsExactly(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
        });
  }

  @Test
  void invalidateTokensResumeOnlyWithStartAfter() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.oplog.append(new Operation.Drop(COLL, COLL_UUID));
    fixture.insert(7);
    List<BsonDocument> events = next(cursor).documents();
    BsonDocument dropToken = events.get(0).getDocument("_id");
    BsonDocument invalidateToken = events.get(1).getDocument("_id");
    assertThatThrownBy(() -> fixture.open(new BsonDocument("resumeAfter", invalidateToken)))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(260));
    ChangeStreamCursor replay = fixture.open(new BsonDocument("resumeAfter", dropToken));
    assertThat(next(replay).documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("invalidate");
    ChangeStreamCursor after = fixture.open(new BsonDocument("startAfter", invalidateToken));
    assertThat(next(after).documents()).extracting(e -> e.getDocument("documentKey")).containsExactly(key(7));
  }

  @Test
  void resumeInsideASplitEventSkipsTheDeliveredFragments() {
    BsonDocument split = new BsonDocument("$changeStreamSplitLargeEvent", new BsonDocument());
    BsonDocument options = new BsonDocument("fullDocumentBeforeChange", new org.bson.BsonString("whenAvailable"));
    ChangeStreamCursor cursor = fixture.open(options, split);
    BsonDocument big = key(1).append("s", new org.bson.BsonString("x".repeat(9 * 1024 * 1024)));
    fixture.oplog.append(new Operation.Replace(COLL, COLL_UUID, key(1), big, big));
    BsonDocument first = next(cursor).documents().get(0);
    ChangeStreamCursor resumed = fixture.open(options.clone().append("resumeAfter", first.getDocument("_id")),
        split);
    assertThat(next(resumed).documents()).singleElement().satisfies(fragment ->
        assertThat(fragment.getDocument("splitEvent").getInt32("fragment")).isEqualTo(new BsonInt32(2)));
  }

  private List<BsonDocument> insertAndRead(int... ids) {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    for (int id : ids) {
      fixture.insert(id);
    }
    return next(cursor).documents();
  }

  @Test
  void liveStreamWhoseNextEntriesWereTruncatedFailsAsHistoryLost() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.insert(1);
    assertThat(next(cursor).documents()).hasSize(1);
    fixture.insert(2);
    fixture.insert(3);
    fixture.oplog.truncate(3);
    assertThatThrownBy(() -> next(cursor)).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(286);
          assertThat(e.labels()).containsExactly(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
        });
  }
}
