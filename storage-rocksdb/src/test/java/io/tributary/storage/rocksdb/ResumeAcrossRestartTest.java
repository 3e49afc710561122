package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume tokens outlive the server on RocksDB: tokens taken before a clean restart and before a SIGKILL resume
 * exactly after their event ({@code resumeAfter}, {@code startAfter}) or, for an idle stream's
 * {@code postBatchResumeToken}, at the first write after it, through the Java driver. {@link ServerCrashTest}
 * covers acknowledged writes and history under repeated crashes; this covers where a resumed stream continues.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ResumeAcrossRestartTest {
  @TempDir
  Path directory;

  @Test
  void tokensTakenBeforeACleanRestartResumeExactlyAfterTheirEvent() {
    List<BsonDocument> tokens;
    BsonDocument idleToken;
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      try (var stream = docs.watch().cursor()) {
        insert(docs, 1, 5);
        tokens = tokens(stream, 5);
        assertThat(stream.tryNext()).isNull();
        idleToken = stream.getResumeToken();
      }
    }
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      insert(docs, 6, 6);

      assertThat(ids(docs, s -> s.resumeAfter(tokens.get(1)), 4)).containsExactly(3, 4, 5, 6);
      assertThat(ids(docs, s -> s.startAfter(tokens.get(4)), 1)).containsExactly(6);
      assertThat(ids(docs, s -> s.resumeAfter(idleToken), 1)).containsExactly(6);
    }
  }

  @Test
  void tokensTakenBeforeAKillNineResumeExactlyAfterTheirEvent() throws Exception {
    List<BsonDocument> tokens;
    ServerChild.Running child = ServerChild.start(directory.resolve("db"), directory.resolve("child.stderr"));
    try (MongoClient client = MongoClients.create(child.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      try (var stream = docs.watch().cursor()) {
        insert(docs, 1, 5);
        tokens = tokens(stream, 5);
      }
    } finally {
      child.process().destroyForcibly();
      child.process().waitFor();
    }
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      insert(docs, 6, 6);

      assertThat(ids(docs, s -> s.resumeAfter(tokens.get(1)), 4)).containsExactly(3, 4, 5, 6);
      assertThat(ids(docs, s -> s.resumeAfter(tokens.get(4)), 1)).containsExactly(6);
    }
  }

  private TributaryServer start() {
    return Tributary.builder().dataDirectory(directory.resolve("db")).port(0).start();
  }

  /** Writes wait for the journal: acknowledged means durable, so a SIGKILL cannot take them back. */
  private static MongoCollection<BsonDocument> docs(MongoClient client) {
    return client.getDatabase("restart").getCollection("docs", BsonDocument.class)
        .withWriteConcern(WriteConcern.JOURNALED);
  }

  private static void insert(MongoCollection<BsonDocument> docs, int from, int to) {
    for (int id = from; id <= to; id++) {
      docs.insertOne(new BsonDocument("_id", new BsonInt32(id)));
    }
  }

  private static List<BsonDocument> tokens(MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> stream,
      int count) {
    List<BsonDocument> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(stream.next().getResumeToken());
    }
    return tokens;
  }

  /** The ids of the first {@code count} events of a stream opened with {@code start}, then no more pending. */
  private static List<Integer> ids(MongoCollection<BsonDocument> docs,
      UnaryOperator<ChangeStreamIterable<BsonDocument>> start, int count) {
    List<Integer> ids = new ArrayList<>();
    try (var stream = start.apply(docs.watch()).maxAwaitTime(50, TimeUnit.MILLISECONDS).cursor()) {
      for (int i = 0; i < count; i++) {
        ids.add(stream.next().getDocumentKey().getInt32("_id").getValue());
      }
      assertThat(stream.tryNext()).as("events after " + ids).isNull();
    }
    return ids;
  }
}
