package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary watch} run as a process against a server started by the test. */
class WatchCommandTest {
  /** A JVM stopped by SIGTERM after its shutdown hooks ran exits with 128 + 15. */
  private static final int SIGTERM_EXIT = 143;

  @TempDir
  Path directory;

  private TributaryServer server;
  private MongoClient client;

  @BeforeEach
  void startServer() {
    server = Tributary.builder().inMemory().port(0).start();
    client = MongoClients.create(server.connectionString());
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void printsTheTutorialsEventsOneLineEachAndEndsAtTheInvalidate() throws Exception {
    try (CliProcess watch = startWatch("changestream.collection")) {
      MongoCollection<Document> collection = client.getDatabase("changestream").getCollection("collection");
      collection.insertOne(new Document("_id", 1).append("hello", "world"));
      collection.updateOne(Filters.eq("_id", 1), Updates.set("hello", "mars"));
      collection.replaceOne(Filters.eq("_id", 1), new Document("bye", "world"));
      collection.deleteOne(Filters.eq("_id", 1));
      collection.drop();

      List<BsonDocument> events = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        events.add(BsonDocument.parse(watch.nextLine()));
      }

      assertThat(events).extracting(e -> e.getString("operationType").getValue())
          .containsExactly("insert", "update", "replace", "delete", "drop", "invalidate");
      assertThat(events.get(0).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, hello: 'world'}"));
      assertThat(watch.exitCode()).isZero();
      assertThat(watch.remainingLines()).isEmpty();
    }
  }

  @Test
  void writesRelaxedExtendedJson() throws Exception {
    try (CliProcess watch = startWatch("changestream.collection")) {
      client.getDatabase("changestream").getCollection("collection").insertOne(new Document("n", 1));

      String line = watch.nextLine();

      assertThat(line).startsWith("{\"_id\": {\"_data\": \"").contains("\"operationType\": \"insert\"")
          .contains("\"n\": 1").contains("{\"$oid\": ");
      watch.terminate();
    }
  }

  @Test
  void stopAndRestartWithATokenFileNeitherLosesNorRepeatsAnEvent() throws Exception {
    Path tokenFile = directory.resolve("token.json");
    MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
    List<Integer> seen = new ArrayList<>();

    try (CliProcess first = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      insert(orders, 1, 2, 3);
      readKeys(first, 3, seen);
      assertThat(first.terminate()).isEqualTo(SIGTERM_EXIT);
    }
    insert(orders, 4, 5);
    try (CliProcess second = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      insert(orders, 6);
      readKeys(second, 3, seen);
      // Other namespaces move the idle stream's postBatchResumeToken past event 6 before it stops.
      client.getDatabase("shop").getCollection("other").insertOne(new Document("_id", "elsewhere"));
      insert(orders, 7);
      readKeys(second, 1, seen);
      client.getDatabase("shop").getCollection("other").insertOne(new Document("_id", "elsewhere too"));
      assertThat(second.terminate()).isEqualTo(SIGTERM_EXIT);
    }
    insert(orders, 8);
    try (CliProcess third = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      readKeys(third, 1, seen);
      assertThat(third.terminate()).isEqualTo(SIGTERM_EXIT);
    }

    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void killedAtRandomMomentsItNeverSkipsAnEventAndRepeatsAtMostTheLastOne() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int total = 150;
    int kills = 3;
    Path tokenFile = directory.resolve("token.json");
    MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
    List<Integer> seen = new ArrayList<>();

    Thread writer = new Thread(() -> IntStream.rangeClosed(1, total).forEach(id -> insert(orders, id)));
    for (int run = 0; run < kills; run++) {
      try (CliProcess watch = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
        if (run == 0) {
          writer.start();
        }
        readKeys(watch, random.nextInt(total / (kills + 1)), seen);
        watch.kill(); // SIGKILL: no shutdown hook, maybe between printing an event and saving its token
        watch.remainingLines().forEach(line -> seen.add(key(line)));
      }
    }
    try (CliProcess last = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      while (seen.isEmpty() || seen.get(seen.size() - 1) != total) {
        seen.add(key(last.nextLine()));
      }
      last.terminate();
    }
    writer.join();

    List<Integer> withoutRepeats = new ArrayList<>();
    seen.stream().filter(id -> withoutRepeats.isEmpty() || !withoutRepeats.get(withoutRepeats.size() - 1).equals(id))
        .forEach(withoutRepeats::add);
    assertThat(withoutRepeats).as("seed %d", seed).containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed()
        .toList());
    assertThat(seen.size() - total).as("repeats, seed %d", seed).isLessThanOrEqualTo(kills);
  }

  @Test
  void matchFiltersTheEvents() throws Exception {
    try (CliProcess watch = startWatch("shop", "--match", "{\"operationType\": \"insert\"}")) {
      MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
      insert(orders, 1);
      orders.deleteOne(Filters.eq("_id", 1));
      insert(orders, 2);

      List<Integer> seen = new ArrayList<>();
      readKeys(watch, 2, seen);

      assertThat(seen).containsExactly(1, 2);
      watch.terminate();
    }
  }

  @Test
  void appliesAPipelineFileAndLooksUpFullDocuments() throws Exception {
    Path pipeline = directory.resolve("stages.json");
    Files.writeString(pipeline, "[{\"$match\": {\"operationType\": \"update\"}},"
        + " {\"$project\": {\"operationType\": 1, \"fullDocument\": 1}}]");
    try (CliProcess watch = startWatch("shop.orders", "--pipeline", pipeline.toString(), "--full-document",
        "updateLookup")) {
      MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
      orders.insertOne(new Document("_id", 1).append("status", "placed"));
      orders.updateOne(Filters.eq("_id", 1), Updates.set("status", "shipped"));

      BsonDocument event = BsonDocument.parse(watch.nextLine());

      assertThat(event.keySet()).containsExactly("_id", "operationType", "fullDocument");
      assertThat(event.getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, status: 'shipped'}"));
      watch.terminate();
    }
  }

  @Test
  void startsAtAnOperationTime() throws Exception {
    MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
    BsonTimestamp firstInsert;
    try (ClientSession session = client.startSession()) {
      orders.insertOne(session, new Document("_id", 1));
      firstInsert = session.getOperationTime();
    }
    insert(orders, 2);

    try (CliProcess watch = startWatch("shop.orders", "--start-at-operation-time",
        firstInsert.getTime() + ":" + firstInsert.getInc())) {
      List<Integer> seen = new ArrayList<>();
      readKeys(watch, 2, seen);

      assertThat(seen).containsExactly(1, 2);
      watch.terminate();
    }
  }

  @Test
  void aPositionNoLongerInTheOplogStopsWithAClearMessage() throws Exception {
    Path tokenFile = directory.resolve("token.json");
    try (CliProcess watch = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      insert(client.getDatabase("shop").getCollection("orders"), 1);
      watch.nextLine();
      watch.terminate();
    }
    stopServer();
    // A new in-memory server an hour ahead: its oplog starts after the saved position.
    server = Tributary.builder().inMemory().port(0).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
        .start();
    client = MongoClients.create(server.connectionString());
    insert(client.getDatabase("shop").getCollection("orders"), 2);

    try (CliProcess watch = startWatch("shop.orders", "--resume-token-file", tokenFile.toString())) {
      assertThat(watch.exitCode()).isEqualTo(WatchCommand.EXIT_HISTORY_LOST);
      assertThat(String.join("\n", watch.allErr())).contains("ChangeStreamHistoryLost");
      assertThat(watch.remainingLines()).isEmpty();
    }
  }

  @Test
  void resumesAfterTheServerRestarts() throws Exception {
    stopServer();
    Path dbPath = directory.resolve("db");
    server = Tributary.builder().dataDirectory(dbPath).port(0).start();
    int port = server.port();
    client = MongoClients.create(server.connectionString());
    String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=500";

    try (CliProcess watch = CliProcess.start("watch", "shop.orders", "--uri", uri)) {
      watch.awaitErr(line -> line.startsWith("watch: watching"));
      List<Integer> seen = new ArrayList<>();
      insert(client.getDatabase("shop").getCollection("orders"), 1);
      readKeys(watch, 1, seen);
      stopServer();
      watch.awaitErr(line -> line.contains("connection lost"));
      server = Tributary.builder().dataDirectory(dbPath).port(port).start();
      client = MongoClients.create(server.connectionString());
      watch.awaitErr(line -> line.startsWith("watch: resumed watching"));
      insert(client.getDatabase("shop").getCollection("orders"), 2);
      readKeys(watch, 1, seen);

      assertThat(seen).containsExactly(1, 2);
      assertThat(watch.terminate()).isEqualTo(SIGTERM_EXIT);
    }
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    try (CliProcess watch = CliProcess.start("watch", "--full-document", "sometimes")) {
      assertThat(watch.exitCode()).isEqualTo(2);
      assertThat(String.join("\n", watch.allErr())).contains("sometimes");
    }
  }

  private CliProcess startWatch(String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("watch"));
    command.addAll(List.of(args));
    command.addAll(List.of("--uri", server.connectionString()));
    CliProcess watch = CliProcess.start(command.toArray(String[]::new));
    // The stream is live once it says so: the aggregate has run, so every later write is seen.
    watch.awaitErr(line -> line.startsWith("watch: watching") || line.startsWith("watch: cannot resume"));
    return watch;
  }

  private static void insert(MongoCollection<Document> collection, int... ids) {
    for (int id : ids) {
      collection.insertOne(new Document("_id", id));
    }
  }

  private static void readKeys(CliProcess watch, int count, List<Integer> seen) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      seen.add(key(watch.nextLine()));
    }
  }

  private static int key(String event) {
    return BsonDocument.parse(event).getDocument("documentKey").getInt32("_id").getValue();
  }
}
