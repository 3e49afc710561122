package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.command.crud.GetMoreCommand;
import io.tributary.engine.command.crud.InsertCommand;
import io.tributary.engine.command.crud.KillCursorsCommand;
import io.tributary.engine.command.ddl.CreateCommand;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's change-stream opener over the real commit path, oplog and cursor registry (no network). */
class ChangeStreamEngineTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine, List.of(new InsertCommand(),
      new GetMoreCommand(), new KillCursorsCommand(), new CreateCommand(), new OpenStream()));

  /** Stands in for {@code aggregate}: routes to the engine's opener as the aggregate command does. */
  private static final class OpenStream implements Command {
    @Override
    public String name() {
      return "aggregate";
    }

    @Override
    public CompletableFuture<BsonDocument> execute(CommandContext context, BsonDocument command) {
      return context.engine().changeStreamOpener().open(context, command);
    }
  }

  @AfterEach
  void close() {
    assertThat(engine.cursors().size()).as("leaked cursors").isZero();
    engine.close();
  }

  @Test
  void streamOpenedOnAFreshEngineSeesLaterInsertsAndResumesFromItsFirstToken() {
    BsonDocument opened = harness.run("db", "{aggregate: 'c', pipeline: [{$changeStream: {}}], cursor: {}}");
    BsonDocument cursor = opened.getDocument("cursor");
    assertThat(cursor.keySet()).containsExactly("firstBatch", "postBatchResumeToken", "id", "ns");
    assertThat(cursor.getString("ns").getValue()).isEqualTo("db.c");
    BsonValue id = cursor.get("id");
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 1}]}");
    BsonDocument next = harness.run("db", new BsonDocument("getMore", id).append("collection",
        new org.bson.BsonString("c"))).getDocument("cursor");
    BsonDocument event = next.getArray("nextBatch").get(0).asDocument();
    assertThat(event.getString("operationType").getValue()).isEqualTo("insert");
    assertThat(event.getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, a: 1}"));
    assertThat(next.getDocument("postBatchResumeToken")).isEqualTo(event.getDocument("_id"));

    BsonDocument resumed = harness.run("db", new BsonDocument("aggregate", new org.bson.BsonString("c"))
        .append("pipeline", new org.bson.BsonArray(List.of(new BsonDocument("$changeStream",
            new BsonDocument("resumeAfter", cursor.getDocument("postBatchResumeToken"))))))
        .append("cursor", new BsonDocument()));
    assertThat(resumed.getDocument("cursor").getArray("firstBatch")).containsExactly(event);
    killAll(id, resumed.getDocument("cursor").get("id"));
  }

  @Test
  void batchSizeZeroOpensTheStreamWithoutReadingEvents() {
    BsonDocument start = harness.run("db", "{aggregate: 'c', pipeline: [{$changeStream: {}}], cursor: {}}");
    harness.run("db", "{insert: 'c', documents: [{_id: 1}]}");
    BsonDocument token = start.getDocument("cursor").getDocument("postBatchResumeToken");
    BsonDocument opened = harness.run("db", new BsonDocument("aggregate", new org.bson.BsonString("c"))
        .append("pipeline", new org.bson.BsonArray(List.of(new BsonDocument("$changeStream",
            new BsonDocument("resumeAfter", token))))).append("cursor", BsonDocument.parse("{batchSize: 0}")))
        .getDocument("cursor");
    assertThat(opened.getArray("firstBatch")).isEmpty();
    assertThat(opened.getDocument("postBatchResumeToken")).isEqualTo(token);
    BsonDocument next = harness.run("db", new BsonDocument("getMore", opened.get("id")).append("collection",
        new org.bson.BsonString("c"))).getDocument("cursor");
    assertThat(next.getArray("nextBatch")).hasSize(1);
    killAll(start.getDocument("cursor").get("id"), opened.get("id"));
  }

  @Test
  void viewsAndExpandedEventsUnderApiStrictAreRefused() {
    harness.run("db", "{create: 'v', viewOn: 'c', pipeline: []}");
    assertThatThrownBy(() -> harness.run("db", "{aggregate: 'v', pipeline: [{$changeStream: {}}], cursor: {}}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(166));
    assertThatThrownBy(() -> harness.run("db", "{aggregate: 'c', pipeline: [{$changeStream: {showExpandedEvents:"
        + " true}}], cursor: {}, apiVersion: '1', apiStrict: true}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(323));
  }

  private void killAll(BsonValue... ids) {
    harness.run("db", new BsonDocument("killCursors", new org.bson.BsonString("c")).append("cursors",
        new org.bson.BsonArray(List.of(ids))));
  }
}
