package io.tributary.junit5.usage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/** Code under test that writes: places and ships orders. */
final class Orders {
  private final MongoCollection<Document> orders;

  Orders(MongoCollection<Document> orders) {
    this.orders = orders;
  }

  void place(int id, String item) {
    orders.insertOne(new Document("_id", id).append("item", item).append("status", "placed"));
  }

  void ship(int id) {
    orders.updateOne(Filters.eq("_id", id), Updates.set("status", "shipped"));
  }
}
