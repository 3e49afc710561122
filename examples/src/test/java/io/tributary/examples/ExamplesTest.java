package io.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's programs, run against an embedded server as the tutorial runs them against a replica set. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesTest {
  private TributaryServer server;
  private MongoClient client;
  private MongoCollection<Document> collection;

  @BeforeAll
  void startServer() {
    server = Tributary.builder().inMemory().port(0).start();
    client = MongoClients.create(server.connectionString());
    collection = client.getDatabase("changestream").getCollection("collection");
  }

  @AfterAll
  void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void theListenerPrintsEachChangeTheWriterMakesUntilTheDropInvalidatesIt() {
    Output output = new Output();
    try (MongoCursor<BsonDocument> changeStream = Listener.open(collection)) {
      Writer.write(collection);
      Listener.print(changeStream, output.stream);
    }

    assertThat(output.operationTypes()).containsExactly("insert", "update", "replace", "delete", "drop", "invalidate");
    List<BsonDocument> events = output.events();
    assertThat(events.get(0).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, hello: 'world'}"));
    assertThat(events.get(1).getDocument("updateDescription").getDocument("updatedFields"))
        .isEqualTo(BsonDocument.parse("{hello: 'mars'}"));
    assertThat(events.get(2).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, bye: 'world'}"));
    assertThat(events.get(3).getDocument("documentKey")).isEqualTo(BsonDocument.parse("{_id: 1}"));
    assertThat(output.text()).contains("\n\n"); // a blank line after each change, as in the tutorial
  }

  @Test
  void theInsertListenerPrintsOnlyInserts() {
    Output output = new Output();
    try (MongoCursor<BsonDocument> changeStream = InsertListener.open(collection)) {
      collection.insertOne(new Document("_id", 2));
      Writer.write(collection); // ends with a drop: the stream closes though its $match hides the invalidate
      Listener.print(changeStream, output.stream);
    }

    assertThat(output.events()).extracting(event -> event.getDocument("documentKey"))
        .containsExactly(BsonDocument.parse("{_id: 2}"), BsonDocument.parse("{_id: 1}"));
    assertThat(output.operationTypes()).containsOnly("insert");
  }

  @Test
  void theResumingListenerMissesNothingWhileItIsStopped(@TempDir Path directory) throws Exception {
    Path tokenFile = directory.resolve("token.json");
    Output output = new Output();
    try (MongoCursor<BsonDocument> changeStream = ResumingListener.open(collection, tokenFile)) {
      Writer.write(collection);
      ResumingListener.printNext(changeStream, tokenFile, output.stream);
      ResumingListener.printNext(changeStream, tokenFile, output.stream);
    } // stopped after the update; the replace, delete and drop have happened meanwhile

    try (MongoCursor<BsonDocument> changeStream = ResumingListener.open(collection, tokenFile)) {
      while (ResumingListener.printNext(changeStream, tokenFile, output.stream)) {
        // until the invalidate
      }
    }

    assertThat(output.operationTypes()).containsExactly("insert", "update", "replace", "delete", "drop", "invalidate");
  }

  /** Captures what a program prints. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    List<BsonDocument> events() {
      return text().lines().filter(line -> !line.isBlank()).map(BsonDocument::parse).toList();
    }

    List<String> operationTypes() {
      return events().stream().map(event -> event.getString("operationType").getValue()).toList();
    }
  }
}
