package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.key;
import static io.tributary.engine.changestream.StreamFixture.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.cursor.CursorBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notifier's fan-out of new entries to parked streams: per shape, in chunks, sharing what it built. */
class FanOutTest {
  private final StreamFixture fixture = new StreamFixture();
  private final List<ChangeStreamCursor> cursors = new ArrayList<>();

  @AfterEach
  void tearDown() throws InterruptedException {
    cursors.forEach(ChangeStreamCursor::close);
    fixture.close();
  }

  @Test
  void manyEntriesAtOnceWakeOnlyTheStreamsTheirShapesMatchAndPassTheRestQuietly() {
    List<CompletableFuture<CursorBatch>> matching = park(10, matchId(150));
    List<CompletableFuture<CursorBatch>> quiet = park(10, matchId(-1));
    for (int id = 1; id <= 300; id++) { // several reader chunks
      fixture.insert(id);
    }
    assertThat(matching).allSatisfy(wait -> assertThat(wait.join().documents()).singleElement()
        .satisfies(event -> assertThat(event.getDocument("documentKey")).isEqualTo(key(150))));
    assertThat(quiet).noneMatch(CompletableFuture::isDone);
    ChangeStreamCursor quietStream = cursors.get(10);
    quietStream.close();
    assertThat(fixture.streams.waitingStreams()).isEqualTo(9);
  }

  @Test
  void aFilteredStreamWokenAfterManyDroppedEntriesReturnsItsEventAndParksAgainAtTheReadersFrontier() {
    ChangeStreamCursor cursor = open(matchId(250));
    CompletableFuture<CursorBatch> waiting = cursor.next(0, 60_000);
    for (int id = 1; id <= 300; id++) {
      fixture.insert(id);
    }
    CursorBatch batch = waiting.join();
    assertThat(batch.documents()).singleElement().satisfies(event ->
        assertThat(event.getDocument("documentKey")).isEqualTo(key(250)));
    CursorBatch deadline = cursor.next(0, 500).join();
    assertThat(deadline.documents()).isEmpty();
    assertThat(ResumeToken.parse(deadline.postBatchResumeToken()).clusterTime())
        .isEqualTo(fixture.oplog.lastVisible());
  }

  @Test
  void aFilteredStreamThatComesBackLateSkipsWhatItsShapeDroppedWithoutBuildingItAgain() {
    BsonDocument lookup = new BsonDocument("fullDocument", new BsonString("updateLookup"));
    ChangeStreamCursor late = openWith(lookup, matchId(1));
    CompletableFuture<CursorBatch> first = late.next(0, 60_000);
    CompletableFuture<CursorBatch> readerDone = openWith(lookup, matchId(300)).next(0, 60_000);
    fixture.update(1, null, null);
    assertThat(first.join().documents()).singleElement();
    for (int id = 2; id <= 300; id++) { // more than the shapes' memos hold, while the client of `late` is away
      fixture.update(id, null, null);
    }
    readerDone.join(); // the reader has evaluated every update

    CursorBatch back = late.next(0, 0).join();

    assertThat(back.documents()).isEmpty();
    assertThat(ResumeToken.parse(back.postBatchResumeToken()).clusterTime()).isEqualTo(fixture.oplog.lastVisible());
    assertThat(fixture.lookups).as("each update's event built once, by the reader").hasValue(300);
  }

  @Test
  void aFilteredStreamThatComesBackLateStillReturnsWhatItsShapeYieldedMeanwhile() {
    ChangeStreamCursor late = open(matchId(1));
    CompletableFuture<CursorBatch> first = late.next(0, 60_000);
    CompletableFuture<CursorBatch> readerDone = open(matchId(300)).next(0, 60_000);
    fixture.insert(1);
    assertThat(first.join().documents()).singleElement();
    for (int id = 2; id <= 300; id++) {
      if (id == 150) {
        fixture.update(1, null, null);
      }
      fixture.insert(id);
    }
    readerDone.join();

    CursorBatch back = late.next(0, 0).join();

    assertThat(back.documents()).singleElement().satisfies(event -> {
      assertThat(event.getString("operationType").getValue()).isEqualTo("update");
      assertThat(event.getDocument("documentKey")).isEqualTo(key(1));
    });
  }

  @Test
  void streamsWithTheSameOptionsBuildEachEventOnceWhateverTheirStages() {
    fixture.currentDocuments.put(key(1), key(1).append("x", new BsonInt32(3)));
    BsonDocument lookup = new BsonDocument("fullDocument", new BsonString("updateLookup"));
    List<CompletableFuture<CursorBatch>> waits = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      BsonDocument[] stages = i % 3 == 0 ? new BsonDocument[0] : new BsonDocument[] {i % 3 == 1 ? matchId(1)
          : BsonDocument.parse("{$match: {operationType: 'update'}}")};
      ChangeStreamCursor cursor = openWith(lookup, stages);
      waits.add(cursor.next(0, 60_000));
    }
    fixture.update(1, null, null);
    assertThat(waits).allSatisfy(wait -> assertThat(wait.join().documents()).singleElement().satisfies(event ->
        assertThat(event.getDocument("fullDocument")).isEqualTo(key(1).append("x", new BsonInt32(3)))));
    assertThat(fixture.lookups).as("one lookup for 30 streams of 3 shapes").hasValue(1);
  }

  private List<CompletableFuture<CursorBatch>> park(int count, BsonDocument stage) {
    List<CompletableFuture<CursorBatch>> waits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      waits.add(open(stage).next(0, 60_000));
    }
    return waits;
  }

  private ChangeStreamCursor open(BsonDocument stage) {
    return openWith(new BsonDocument(), stage);
  }

  private ChangeStreamCursor openWith(BsonDocument options, BsonDocument... stages) {
    ChangeStreamCursor cursor = fixture.open(options, stages);
    next(cursor);
    cursors.add(cursor);
    return cursor;
  }

  private static BsonDocument matchId(int id) {
    return new BsonDocument("$match", new BsonDocument("documentKey._id", new BsonInt32(id)));
  }
}
