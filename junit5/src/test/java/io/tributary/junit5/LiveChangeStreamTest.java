package io.tributary.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.OperationType;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@TributaryTest
class LiveChangeStreamTest {
  @Test
  void seesEveryWriteMadeAfterOpenReturnsAndNoneBefore(MongoDatabase database) {
    MongoCollection<Document> orders = database.getCollection("orders");
    orders.insertOne(new Document("_id", "before"));
    try (LiveChangeStream<Document> changes = LiveChangeStream.open(orders.watch())) {
      orders.insertOne(new Document("_id", "after"));

      assertThat(changes.next().getDocumentKey().getString("_id").getValue()).isEqualTo("after");
      assertThat(changes.resumeToken()).isNotNull();
    }
  }

  @Test
  void nextFailsTheTestWhenNoEventComes(MongoDatabase database) {
    try (LiveChangeStream<Document> changes = LiveChangeStream.open(database.getCollection("quiet").watch(),
        Duration.ofMillis(1))) {
      assertThatThrownBy(changes::next).isInstanceOf(AssertionError.class).hasMessageContaining("no change event");
    }
  }

  @Test
  void nextFailsTheTestOnceTheStreamHasEnded(MongoDatabase database) {
    MongoCollection<Document> orders = database.getCollection("orders");
    orders.insertOne(new Document("_id", 1));
    try (LiveChangeStream<Document> changes = LiveChangeStream.open(orders.watch())) {
      orders.drop();

      assertThat(changes.next(2)).extracting(e -> e.getOperationType())
          .containsExactly(OperationType.DROP, OperationType.INVALIDATE);
      assertThatThrownBy(changes::next).isInstanceOf(AssertionError.class).hasMessageContaining("ended");
    }
  }
}
