package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Quick commands (a find by {@code _id}) run on the connection's event loop, the others on workers: per-connection
 * order holds across the two, and a command that waits on a worker holds up no other connection (nor, for a write
 * the transaction's write permit keeps waiting, the transaction's own commit).
 */
class QuickCommandsTest extends ServerTestSupport {
  private static final int PAIRS = 20;

  @AfterEach
  void turnOff() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}");
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderWhereverTheyRun() throws Exception {
    // Every insert waits on a worker before it runs; the find sent right behind it must still see it.
    adminCommand("{configureFailPoint: 'failCommand', mode: 'alwaysOn',"
        + " data: {failCommands: ['insert'], blockConnection: true, blockTimeMS: 20}}");
    try (WireClient wire = new WireClient(server().port())) {
      List<Integer> requestIds = new ArrayList<>();
      for (int i = 0; i < PAIRS; i++) {
        requestIds.add(wire.sendMsg(0, command("insert", "ordered")
            .append("documents", new BsonArray(List.of(new BsonDocument("_id", new BsonInt32(i)))))));
        requestIds.add(wire.sendMsg(0, command("find", "ordered")
            .append("filter", new BsonDocument("_id", new BsonInt32(i)))));
      }

      for (int i = 0; i < PAIRS; i++) {
        WireClient.Reply insert = wire.read();
        WireClient.Reply find = wire.read();
        assertThat(insert.responseTo()).isEqualTo(requestIds.get(2 * i));
        assertThat(insert.body().getInt32("n").getValue()).isEqualTo(1);
        assertThat(find.responseTo()).isEqualTo(requestIds.get(2 * i + 1));
        assertThat(find.body().getDocument("cursor").getArray("firstBatch"))
            .containsExactly(new BsonDocument("_id", new BsonInt32(i)));
      }
    }
  }

  @Test
  void aWaitingCommandHoldsUpNoOtherConnection() throws Exception {
    MongoCollection<Document> collection = client().getDatabase("test").getCollection("waiting");
    collection.insertOne(new Document("_id", 1));
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['find'], appName: 'waiter', blockConnection: true, blockTimeMS: 1000}}");
    try (MongoClient waiter = newClient(MongoClientSettings.builder().applicationName("waiter"))) {
      CompletableFuture<Document> waiting = CompletableFuture.supplyAsync(() ->
          waiter.getDatabase("test").getCollection("waiting").find(new Document("_id", 1)).first());

      // Fresh clients open fresh connections, spread over every event loop, the waiter's included.
      for (int i = 0; i < 8; i++) {
        try (MongoClient other = newClient()) {
          assertThat(other.getDatabase("test").getCollection("waiting").find(new Document("_id", 1)).first())
              .containsEntry("_id", 1);
        }
      }

      assertThat(waiting.get(1, TimeUnit.MINUTES)).containsEntry("_id", 1);
    }
  }

  @Test
  void writesWaitingForATransactionHoldUpNoEventLoop() throws Exception {
    MongoCollection<Document> collection = client().getDatabase("test").getCollection("permit");
    collection.insertOne(new Document("_id", "created"));
    List<MongoClient> writers = new ArrayList<>();
    ExecutorService threads = Executors.newCachedThreadPool();
    try (ClientSession session = client().startSession()) {
      session.startTransaction();
      collection.insertOne(session, new Document("_id", "in-transaction")); // holds the write permit until commit
      // Fresh connections on every event loop: their inserts cannot take the permit and must wait on a worker.
      List<Future<?>> waiting = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        MongoClient writer = newClient();
        writers.add(writer);
        MongoCollection<Document> target = writer.getDatabase("test").getCollection("permit");
        int id = i;
        waiting.add(threads.submit(() -> target.insertOne(new Document("_id", id))));
      }

      session.commitTransaction();

      for (Future<?> insert : waiting) {
        insert.get(1, TimeUnit.MINUTES);
      }
    } finally {
      writers.forEach(MongoClient::close);
      threads.shutdownNow();
    }
    assertThat(collection.countDocuments()).isEqualTo(10);
  }

  private static BsonDocument command(String name, String collection) {
    return new BsonDocument(name, new BsonString(collection)).append("$db", new BsonString("test"));
  }
}
