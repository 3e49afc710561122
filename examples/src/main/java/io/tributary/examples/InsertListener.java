package io.tributary.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The tutorial's filtered listener: the server runs a {@code $match} on each event, so only inserts reach the
 * client. Prints like {@link Listener}.
 *
 * <pre>CHANGE_STREAM_DB=mongodb://localhost:27017 java io.tributary.examples.InsertListener</pre>
 */
public final class InsertListener {
  private InsertListener() {}

  public static void main(String[] args) {
    try (MongoClient client = MongoClients.create(System.getenv("CHANGE_STREAM_DB"));
        MongoCursor<BsonDocument> changeStream = open(client.getDatabase("changestream").getCollection("collection"))) {
      Listener.print(changeStream, System.out);
    }
  }

  /** Opens a change stream of inserts only; it sees every insert made after this returns. */
  public static MongoCursor<BsonDocument> open(MongoCollection<Document> collection) {
    return collection.watch(List.of(Aggregates.match(Filters.in("operationType", "insert"))))
        .withDocumentClass(BsonDocument.class)
        .cursor();
  }
}
