package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.command.crud.GetMoreCommand;
import io.tributary.engine.command.crud.InsertCommand;
import io.tributary.engine.command.crud.KillCursorsCommand;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers and watchers over the real engine: every stream sees exactly its namespace's writes, each
 * once, in commit order, with strictly increasing tokens, whatever the interleaving of commits, wake-ups and
 * timeouts.
 */
class ChangeStreamConcurrencyTest {
  private static final int WRITERS = 4;
  private static final int INSERTS_PER_WRITER = 250;
  private static final int STREAMS_PER_SCOPE = 4;

  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine, List.of(new InsertCommand(),
      new GetMoreCommand(), new KillCursorsCommand(), new OpenStream()));
  private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 3 * STREAMS_PER_SCOPE);

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
    threads.shutdownNow();
    assertThat(engine.cursors().size()).as("leaked cursors").isZero();
    engine.close();
  }

  @Test
  void everyStreamSeesItsWritesOnceInCommitOrder() throws Exception {
    List<Future<List<BsonDocument>>> evenStreams = new ArrayList<>();
    List<Future<List<BsonDocument>>> oddStreams = new ArrayList<>();
    List<Future<List<BsonDocument>>> databaseStreams = new ArrayList<>();
    int total = WRITERS * INSERTS_PER_WRITER;
    for (int i = 0; i < STREAMS_PER_SCOPE; i++) {
      evenStreams.add(watch(new BsonString("even"), "even", total / 2));
      oddStreams.add(watch(new BsonString("odd"), "odd", total / 2));
      databaseStreams.add(watch(new BsonInt32(1), "$cmd.aggregate", total));
    }
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(threads.submit(() -> write(writer)));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    for (Future<List<BsonDocument>> stream : evenStreams) {
      assertConsistent(stream.get(), total / 2, 0);
    }
    for (Future<List<BsonDocument>> stream : oddStreams) {
      assertConsistent(stream.get(), total / 2, 1);
    }
    List<BsonDocument> reference = databaseStreams.get(0).get();
    assertConsistent(reference, total, -1);
    for (Future<List<BsonDocument>> stream : databaseStreams) {
      assertThat(stream.get()).isEqualTo(reference);
    }
  }

  private void write(int writer) {
    for (int i = 0; i < INSERTS_PER_WRITER; i++) {
      int id = writer * INSERTS_PER_WRITER + i;
      String collection = id % 2 == 0 ? "even" : "odd";
      harness.run("db", new BsonDocument("insert", new BsonString(collection)).append("documents",
          new BsonArray(List.of(new BsonDocument("_id", new BsonInt32(id))))));
    }
  }

  /** Opens a stream now and reads {@code count} events on a thread of its own, with small batches. */
  private Future<List<BsonDocument>> watch(BsonValue target, String getMoreCollection, int count) {
    BsonDocument opened = harness.run("db", new BsonDocument("aggregate", target)
        .append("pipeline", new BsonArray(List.of(new BsonDocument("$changeStream", new BsonDocument()))))
        .append("cursor", new BsonDocument()));
    BsonValue id = opened.getDocument("cursor").get("id");
    return threads.submit(() -> {
      List<BsonDocument> events = new ArrayList<>();
      while (events.size() < count) {
        BsonDocument batch = harness.run("db", new BsonDocument("getMore", id)
            .append("collection", new BsonString(getMoreCollection)).append("batchSize", new BsonInt32(7))
            .append("maxTimeMS", new BsonInt64(50))).getDocument("cursor");
        batch.getArray("nextBatch").forEach(event -> events.add(event.asDocument()));
      }
      harness.run("db", new BsonDocument("killCursors", new BsonString(getMoreCollection))
          .append("cursors", new BsonArray(List.of(id))));
      return events;
    });
  }

  /** Each write once, tokens and cluster times strictly increasing, only the stream's parity (-1: any). */
  private static void assertConsistent(List<BsonDocument> events, int expected, int parity) {
    assertThat(events).hasSize(expected);
    assertThat(events.stream().map(e -> e.getDocument("documentKey").getInt32("_id").getValue()).distinct())
        .hasSize(expected)
        .allMatch(id -> parity < 0 || id % 2 == parity);
    for (int i = 1; i < events.size(); i++) {
      ResumeToken previous = ResumeToken.parse(events.get(i - 1).getDocument("_id"));
      ResumeToken current = ResumeToken.parse(events.get(i).getDocument("_id"));
      assertThat(current).isGreaterThan(previous);
      assertThat(current.clusterTime()).isGreaterThan(previous.clusterTime());
    }
  }
}
