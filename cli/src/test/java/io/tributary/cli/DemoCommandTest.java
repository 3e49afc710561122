package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
  private static final List<String> TUTORIAL_EVENTS =
      List.of("insert", "update", "replace", "delete", "drop", "invalidate");

  @Test
  void embeddedPrintsTheTutorialsEventsOnePerLine() {
    CommandLine commandLine = TributaryCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("demo", "--embedded");

    assertThat(exit).isZero();
    assertThat(out.toString().lines().map(BsonDocument::parse).map(e -> e.getString("operationType").getValue()))
        .containsExactlyElementsOf(TUTORIAL_EVENTS);
    assertThat(err.toString()).contains("demo: started an in-memory server at mongodb://127.0.0.1:");
  }

  @Test
  void withoutEmbeddedItWritesToTheServerAtUri() {
    try (TributaryServer server = Tributary.builder().inMemory().port(0).start();
        MongoClient client = MongoClients.create(server.connectionString());
        MongoChangeStreamCursor<BsonDocument> changeStream = RawChangeStreams.open(
            client.getDatabase("changestream").getCollection("collection").watch())) {
      CommandLine commandLine = TributaryCommand.commandLine();
      commandLine.setErr(new PrintWriter(new StringWriter()));

      int exit = commandLine.execute("demo", "--uri", server.connectionString());

      assertThat(exit).isZero();
      List<String> seen = new ArrayList<>();
      changeStream.forEachRemaining(event -> seen.add(event.getString("operationType").getValue()));
      assertThat(seen).containsExactlyElementsOf(TUTORIAL_EVENTS);
    }
  }
}
