package io.tributary.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a rocksdb-backed server process with SIGKILL while several clients insert with {@code j: true} and a
 * change stream watches, restarts it on the same directory, and checks that every acknowledged insert is there,
 * that every event the watcher received is in the restarted server's history in the same order with the same
 * resume token, and that cluster time keeps increasing across the restarts.
 */
class ServerCrashTest {
  private static final int THREADS = 4;
  /**
   * How long a restarted child may take to answer its first hello: a safety net, not a timing assertion. The
   * connect timeout is also the driver's read timeout on its monitoring connection; a fresh JVM that has just
   * recovered the database took 2.5-5 s to answer its first command on the loaded 2-core machine, so the former
   * 2 s failed the test with "Timeout while receiving message". (The 2 s also bounded how long clients waited for
   * a killed server; the client is now closed after the kill instead.)
   */
  private static final int STARTUP_SECONDS = 60;

  @TempDir
  Path directory;
  private Path dbpath;
  private Path stderr;
  private final Map<String, BsonTimestamp> acknowledged = new ConcurrentHashMap<>();
  private final Queue<Throwable> writerFailures = new ConcurrentLinkedQueue<>();
  private final List<Event> received = new ArrayList<>();

  /** What a watcher saw of one insert event. */
  record Event(BsonDocument token, String id, BsonTimestamp clusterTime) {
    static Event of(ChangeStreamDocument<BsonDocument> event) {
      return new Event(event.getResumeToken(), event.getDocumentKey().getString("_id").getValue(),
          event.getClusterTime());
    }
  }

  @BeforeEach
  void paths() {
    dbpath = directory.resolve("db");
    stderr = directory.resolve("server.stderr");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void acknowledgedJournaledWritesSurviveKillNine() throws Exception {
    Random random = new Random(1125);
    BsonTimestamp lastBeforeCrash = new BsonTimestamp(0, 0);
    BsonTimestamp start = null;
    for (int round = 0; round < 4; round++) {
      Process server = startServer();
      try (MongoClient client = client(server)) {
        MongoDatabase db = client.getDatabase("crash");
        assertThat(presentIds(db)).containsAll(acknowledged.keySet());
        BsonTimestamp first = insert(db, "probe-" + round);
        assertThat(first).isGreaterThan(lastBeforeCrash);
        start = start == null ? first : start;
        try (Watcher watcher = new Watcher(db)) {
          lastBeforeCrash = writeUntilKilled(server, client, round, 30 + random.nextInt(120));
          received.addAll(watcher.events());
        }
      } finally {
        server.toHandle().destroyForcibly();
        server.waitFor();
      }
    }
    Process server = startServer();
    try (MongoClient client = client(server)) {
      MongoDatabase db = client.getDatabase("crash");
      assertThat(presentIds(db)).containsAll(acknowledged.keySet());
      assertHistoryHoldsWhatWasSeen(db, start);
    } finally {
      server.toHandle().destroyForcibly();
      server.waitFor();
    }
    assertThat(received).as("events received before the crashes").isNotEmpty();
  }

  /** Re-reads the change history from the first write: received events keep order and tokens; acked writes. */
  private void assertHistoryHoldsWhatWasSeen(MongoDatabase db, BsonTimestamp start) {
    Set<BsonDocument> receivedTokens = new HashSet<>();
    received.forEach(event -> receivedTokens.add(event.token()));
    Set<String> missingAcks = new HashSet<>(acknowledged.keySet());
    List<Event> history = new ArrayList<>();
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = db.getCollection("docs",
        BsonDocument.class).watch().startAtOperationTime(start).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
      for (int emptyBatches = 0; emptyBatches < 20 && (history.size() < received.size() || !missingAcks.isEmpty());) {
        ChangeStreamDocument<BsonDocument> event = cursor.tryNext();
        if (event == null) {
          emptyBatches++;
        } else if (event.getOperationType() == OperationType.INSERT) {
          Event seen = Event.of(event);
          missingAcks.remove(seen.id());
          if (receivedTokens.contains(seen.token())) {
            history.add(seen);
          }
        }
      }
    }
    assertThat(missingAcks).as("acknowledged inserts without an event").isEmpty();
    assertThat(history).as("received events, as the restarted server replays them").isEqualTo(received);
  }

  /** A change stream on the collection, opened at once, read on its own thread until the server dies. */
  private static final class Watcher implements AutoCloseable {
    private final MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor;
    private final List<Event> events = new ArrayList<>();
    private final Thread thread;

    Watcher(MongoDatabase db) {
      cursor = db.getCollection("docs", BsonDocument.class).watch().cursor();
      thread = new Thread(this::read);
      thread.start();
    }

    private void read() {
      try {
        while (true) {
          ChangeStreamDocument<BsonDocument> event = cursor.next();
          synchronized (events) {
            events.add(Event.of(event));
          }
        }
      } catch (RuntimeException e) {
        // the server was killed and the client closed
      }
    }

    /** Waits for the reader to stop (the server must be dead) and returns what it saw, in order. */
    List<Event> events() throws InterruptedException {
      thread.join();
      synchronized (events) {
        return List.copyOf(events);
      }
    }

    @Override
    public void close() {
      try {
        cursor.close();
      } catch (RuntimeException e) {
        // the server is gone and the client closed; nothing to release
      }
    }
  }

  /**
   * Inserts from several threads until {@code acks} more are acknowledged, then SIGKILLs the server and closes the
   * client: an insert or the watcher's resume still running would otherwise wait for the dead server until its
   * server selection timeout; closed, the client fails them at once.
   */
  private BsonTimestamp writeUntilKilled(Process server, MongoClient client, int round, int acks)
      throws Exception {
    MongoDatabase db = client.getDatabase("crash");
    CountDownLatch enough = new CountDownLatch(acks);
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      writers.add(new Thread(() -> {
        BsonTimestamp previous = new BsonTimestamp(0, 0);
        for (int n = 0; !killed.get(); n++) {
          String id = round + "/" + thread + "/" + n;
          BsonTimestamp time;
          try {
            time = insert(db, id);
          } catch (RuntimeException e) {
            return; // the server died under this insert (or the client closed): it was never acknowledged
          }
          assertThat(time).as(id).isGreaterThan(previous);
          previous = time;
          acknowledged.put(id, time);
          enough.countDown();
        }
      }));
    }
    for (Thread writer : writers) {
      writer.setUncaughtExceptionHandler((thread, failure) -> {
        writerFailures.add(failure);
        while (enough.getCount() > 0) {
          enough.countDown();
        }
      });
      writer.start();
    }
    assertThat(enough.await(2, TimeUnit.MINUTES)).as(stderr()).isTrue();
    server.toHandle().destroyForcibly();
    server.waitFor();
    killed.set(true);
    client.close();
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(writerFailures).isEmpty();
    return acknowledged.values().stream().max(BsonTimestamp::compareTo).orElseThrow();
  }

  /** Inserts one document with {@code j: true} and returns the reply's {@code operationTime}. */
  private static BsonTimestamp insert(MongoDatabase db, String id) {
    BsonDocument reply = db.runCommand(new BsonDocument("insert", new BsonString("docs"))
        .append("documents", new BsonArray(List.of(new BsonDocument("_id", new BsonString(id)))))
        .append("writeConcern", BsonDocument.parse("{w: 1, j: true}")), BsonDocument.class);
    assertThat(reply.getNumber("n").intValue()).as(reply.toJson()).isEqualTo(1);
    return reply.getTimestamp("operationTime");
  }

  private static Set<String> presentIds(MongoDatabase db) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    for (BsonDocument doc : db.getCollection("docs", BsonDocument.class).find()) {
      BsonValue id = doc.get("_id");
      ids.add(id.asString().getValue());
    }
    return ids;
  }

  private Process startServer() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ServerChild.class.getName(), dbpath.toString()).redirectError(stderr.toFile()).start();
  }

  private MongoClient client(Process server) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), UTF_8));
    String line = out.readLine();
    assertThat(line).as(stderr()).startsWith("listening ");
    return MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(line.substring("listening ".length())))
        .retryWrites(false)
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(STARTUP_SECONDS, TimeUnit.SECONDS))
        .applyToSocketSettings(socket -> socket.connectTimeout(STARTUP_SECONDS, TimeUnit.SECONDS))
        .build());
  }

  private String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
