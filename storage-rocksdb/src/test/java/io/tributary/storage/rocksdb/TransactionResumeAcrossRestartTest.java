package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
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
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction's one oplog entry survives a restart of the RocksDB server whole: a token taken in the middle of
 * the transaction resumes with its next operation, and {@code startAtOperationTime} at the commit returns all of
 * it, after the restart, through the Java driver.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TransactionResumeAcrossRestartTest {
  @TempDir
  Path directory;

  @Test
  void aTokenFromInsideATransactionResumesWithItsNextOperationAfterARestart() {
    List<ChangeStreamDocument<BsonDocument>> events = new ArrayList<>();
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      try (var stream = docs.watch().cursor(); ClientSession session = client.startSession()) {
        session.startTransaction();
        for (int id = 1; id <= 3; id++) {
          docs.insertOne(session, new BsonDocument("_id", new BsonInt32(id)));
        }
        session.commitTransaction();
        for (int i = 0; i < 3; i++) {
          events.add(stream.next());
        }
      }
    }
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<BsonDocument> docs = docs(client);
      docs.insertOne(new BsonDocument("_id", new BsonInt32(4)));

      assertThat(ids(docs.watch().resumeAfter(events.get(1).getResumeToken()).cursor(), 2)).containsExactly(3, 4);
      BsonTimestamp commit = events.get(0).getClusterTime();
      assertThat(ids(docs.watch().startAtOperationTime(commit).cursor(), 4)).containsExactly(1, 2, 3, 4);
    }
  }

  private TributaryServer start() {
    return Tributary.builder().dataDirectory(directory.resolve("db")).port(0).start();
  }

  private static MongoCollection<BsonDocument> docs(MongoClient client) {
    return client.getDatabase("restart").getCollection("docs", BsonDocument.class)
        .withWriteConcern(WriteConcern.JOURNALED);
  }

  /** The ids of the first {@code count} events, then no more pending; closes the stream. */
  private static List<Integer> ids(MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> stream, int count) {
    try (stream) {
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(stream.next().getDocumentKey().getInt32("_id").getValue());
      }
      return ids;
    }
  }
}
