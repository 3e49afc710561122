package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base class for behaviour suites that run against a real server through the MongoDB Java driver. One server
 * per test class, on 127.0.0.1 and a free port, with {@code enableTestCommands=1}. Subclasses pick the storage
 * engine by overriding {@link #storageEngine()} (a suite written once can be run on every engine by subclassing
 * it) and may adjust the server with {@link #configure(Tributary.Builder)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestSupport {
  private static final int SERVER_SELECTION_SECONDS = 60;

  private TributaryServer server;
  private MongoClient client;
  private Path dataDirectory;

  /** {@code inMemory} (the default) or {@code rocksdb}; durable engines get a fresh temporary directory. */
  protected String storageEngine() {
    return Tributary.IN_MEMORY;
  }

  /** Hook for further server settings. */
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder;
  }

  @BeforeAll
  void startServer() throws IOException {
    dataDirectory = Files.createTempDirectory("tributary-test");
    Tributary.Builder builder = Tributary.builder()
        .port(0)
        .dataDirectory(dataDirectory)
        .storageEngine(storageEngine())
        .setParameter("enableTestCommands", "1");
    server = configure(builder).start();
    client = newClient();
  }

  /**
   * After each test no server cursor may be left open: a test that opens one must exhaust or close it (the driver
   * then kills it). A leaked cursor usually means a cursor the server never releases.
   */
  @AfterEach
  void noCursorLeaked() {
    assertThat(server.engine().cursors().size()).as("open server cursors after the test").isZero();
  }

  @AfterAll
  void stopServer() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    deleteRecursively(dataDirectory);
  }

  protected TributaryServer server() {
    return server;
  }

  /** A client shared by the test class. */
  protected MongoClient client() {
    return client;
  }

  /** A new client of this server (the caller closes it), e.g. to give it its own settings. */
  protected MongoClient newClient() {
    return newClient(MongoClientSettings.builder());
  }

  /**
   * A new client of this server with the given settings. Its server selection timeout is a safety net, not a
   * timing assertion: generous, because on a loaded machine a cold JVM's first handshake can take seconds.
   */
  protected MongoClient newClient(MongoClientSettings.Builder settings) {
    return MongoClients.create(settings
        .applyConnectionString(new ConnectionString(server.connectionString()))
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION_SECONDS, TimeUnit.SECONDS))
        .build());
  }

  protected MongoDatabase admin() {
    return client.getDatabase("admin");
  }

  /** Runs a command on {@code admin} and returns the raw reply. */
  protected BsonDocument adminCommand(String json) {
    return admin().runCommand(BsonDocument.parse(json), BsonDocument.class);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
