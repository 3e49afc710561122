package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Many connections at once: each gets its own replies, and a waiting getMore holds up nobody else. */
class ConcurrentClientsTest extends ServerTestSupport {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 50;

  @Test
  void concurrentClientsEachGetTheirOwnReplies() throws Exception {
    MongoCollection<Document> collection = client().getDatabase("test").getCollection("concurrent");
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        runs.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < OPERATIONS; i++) {
            int id = thread * OPERATIONS + i;
            collection.insertOne(new Document("_id", id).append("thread", thread));
            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("thread", thread);
          }
        }, threads));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    } finally {
      threads.shutdownNow();
    }

    assertThat(collection.find().into(new ArrayList<>())).hasSize(THREADS * OPERATIONS);
  }

  @Test
  void waitingChangeStreamGetMoreDoesNotBlockOtherConnections() throws Exception {
    MongoCollection<Document> collection = client().getDatabase("test").getCollection("awaited");
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = collection.watch().cursor()) {
      CompletableFuture<ChangeStreamDocument<Document>> next = CompletableFuture.supplyAsync(cursor::next);

      collection.insertOne(new Document("_id", "while-waiting"));

      assertThat(next.get(1, TimeUnit.MINUTES).getDocumentKey().getString("_id").getValue())
          .isEqualTo("while-waiting");
    }
  }
}
