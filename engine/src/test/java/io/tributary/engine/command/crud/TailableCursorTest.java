package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import io.tributary.engine.testing.ManualExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tailable awaitData cursor's parked getMore over the real engine, whose worker runs only when the test runs it:
 * wake-ups and the deadline are read on the engine's worker, and a write the filter skips keeps the getMore parked.
 */
class TailableCursorTest {
  private final ManualExecutor worker = new ManualExecutor();
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).worker(worker).build();
  private final CommandHarness harness = new CommandHarness(engine);
  private BsonValue cursorId;

  @BeforeEach
  void openTailableCursor() {
    harness.run("db", "{create: 'c', capped: true, size: 1048576}");
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 1}]}");
    BsonDocument cursor = harness.run("db", "{find: 'c', filter: {a: 1}, tailable: true, awaitData: true}")
        .getDocument("cursor");
    assertThat(cursor.getArray("firstBatch")).hasSize(1);
    cursorId = cursor.get("id");
  }

  @AfterEach
  void close() {
    harness.run("db", new BsonDocument("killCursors", new BsonString("c")).append("cursors",
        new org.bson.BsonArray(List.of(cursorId))));
    worker.runAll();
    assertThat(engine.cursors().size()).as("leaked cursors").isZero();
    engine.close();
  }

  @Test
  void aWriteTheFilterSkipsWakesTheGetMoreWhichWaitsAgainForTheNextOne() {
    CompletableFuture<BsonDocument> getMore = harness.start("db", getMore(60_000));
    assertThat(worker.runAll()).as("nothing to do until a commit").isZero();
    harness.run("db", "{insert: 'c', documents: [{_id: 2, a: 2}]}");
    assertThat(worker.runAll()).as("the oplog reader, then the cursor's wake-up").isGreaterThanOrEqualTo(2);
    assertThat(getMore).as("nothing matched: parked again").isNotDone();
    harness.run("db", "{insert: 'c', documents: [{_id: 3, a: 1}]}");
    worker.runAll();
    assertThat(getMore).isDone();
    assertThat(nextBatch(getMore)).containsExactly(BsonDocument.parse("{_id: 3, a: 1}"));
  }

  @Test
  void theDeadlineIsReadOnTheEnginesWorkerAndAnswersAnEmptyBatch() throws InterruptedException {
    CompletableFuture<BsonDocument> getMore = harness.start("db", getMore(1));
    worker.runNext(Duration.ofSeconds(30)); // the timer only hands the wake-up over
    assertThat(getMore).isDone();
    assertThat(nextBatch(getMore)).isEmpty();
    assertThat(getMore.join().getDocument("cursor").get("id")).as("still open").isEqualTo(cursorId);
  }

  private BsonDocument getMore(long maxTimeMillis) {
    return new BsonDocument("getMore", cursorId).append("collection", new BsonString("c"))
        .append("maxTimeMS", new BsonInt64(maxTimeMillis));
  }

  private static List<BsonValue> nextBatch(CompletableFuture<BsonDocument> getMore) {
    return getMore.join().getDocument("cursor").getArray("nextBatch").getValues();
  }
}
