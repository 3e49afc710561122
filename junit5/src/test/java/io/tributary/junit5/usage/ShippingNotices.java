package io.tributary.junit5.usage;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import java.util.List;
import org.bson.Document;

/** Code under test that reads a change stream: a notice for each order that ships. */
final class ShippingNotices implements AutoCloseable {
  private final MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes;

  /** Starts watching; every order shipped after this returns gets a notice. */
  ShippingNotices(MongoCollection<Document> orders) {
    changes = orders.watch(List.of(Aggregates.match(Filters.and(
            Filters.eq("operationType", "update"),
            Filters.eq("updateDescription.updatedFields.status", "shipped")))))
        .fullDocument(FullDocument.UPDATE_LOOKUP)
        .cursor();
  }

  /** Waits for the next shipped order. */
  String next() {
    Document order = changes.next().getFullDocument();
    return "Your " + order.getString("item") + " is on its way";
  }

  @Override
  public void close() {
    changes.close();
  }
}
