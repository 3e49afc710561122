package io.tributary.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The tutorial's writer ({@code test.py}): one insert, update, replace and delete on
 * {@code changestream.collection}, then drops the collection, so a listener sees each kind of event and then an
 * {@code invalidate}. Run it while a listener is running:
 *
 * <pre>CHANGE_STREAM_DB=mongodb://localhost:27017 java io.tributary.examples.Writer</pre>
 */
public final class Writer {
  private Writer() {}

  public static void main(String[] args) {
    try (MongoClient client = MongoClients.create(System.getenv("CHANGE_STREAM_DB"))) {
      write(client.getDatabase("changestream").getCollection("collection"));
    }
  }

  /** Makes the tutorial's five changes to {@code collection}. */
  public static void write(MongoCollection<Document> collection) {
    collection.insertOne(new Document("_id", 1).append("hello", "world"));
    collection.updateOne(Filters.eq("_id", 1), Updates.set("hello", "mars"));
    collection.replaceOne(Filters.eq("_id", 1), new Document("bye", "world"));
    collection.deleteOne(Filters.eq("_id", 1));
    collection.drop();
  }
}
