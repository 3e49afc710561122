package io.tributary.junit5.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.junit5.LiveChangeStream;
import io.tributary.junit5.TributaryTest;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's example: testing code that writes, and code that reads a change stream, with no sleeps. */
@TributaryTest(database = "shop")
class OrdersTest {
  @Test
  void shippingAnOrderIsOneUpdateOfItsStatus(MongoDatabase shop) {
    Orders orders = new Orders(shop.getCollection("orders"));
    try (LiveChangeStream<Document> changes = LiveChangeStream.open(shop.getCollection("orders").watch())) {
      orders.place(1, "kettle");
      orders.ship(1);

      List<ChangeStreamDocument<Document>> events = changes.next(2);

      assertThat(events).extracting(ChangeStreamDocument::getOperationType)
          .containsExactly(OperationType.INSERT, OperationType.UPDATE);
      assertThat(events.get(1).getUpdateDescription().getUpdatedFields())
          .isEqualTo(BsonDocument.parse("{status: 'shipped'}"));
    }
  }

  @Test
  @Timeout(30) // a guard: if no notice ever comes, fail instead of hanging the build
  void aShippedOrderGetsANotice(MongoDatabase shop) {
    Orders orders = new Orders(shop.getCollection("orders"));
    try (ShippingNotices notices = new ShippingNotices(shop.getCollection("orders"))) {
      orders.place(1, "kettle");
      orders.place(2, "teapot");
      orders.ship(2);

      assertThat(notices.next()).isEqualTo("Your teapot is on its way");
    }
  }
}
