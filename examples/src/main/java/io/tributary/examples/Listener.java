package io.tributary.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import java.io.PrintStream;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The tutorial's listener ({@code change_streams.py}): prints every change to {@code changestream.collection} as
 * relaxed Extended JSON, like {@code bson.json_util.dumps}, until the stream is invalidated (the collection is
 * dropped or renamed).
 *
 * <pre>CHANGE_STREAM_DB=mongodb://localhost:27017 java io.tributary.examples.Listener</pre>
 */
public final class Listener {
  private Listener() {}

  public static void main(String[] args) {
    try (MongoClient client = MongoClients.create(System.getenv("CHANGE_STREAM_DB"));
        MongoCursor<BsonDocument> changeStream = open(client.getDatabase("changestream").getCollection("collection"))) {
      print(changeStream, System.out);
    }
  }

  /**
   * Opens the change stream. Once this returns the server has started it, so it sees every change made after. The
   * events are raw documents, exactly as the server sent them, rather than the driver's typed
   * {@code ChangeStreamDocument}.
   */
  public static MongoCursor<BsonDocument> open(MongoCollection<Document> collection) {
    return collection.watch().withDocumentClass(BsonDocument.class).cursor();
  }

  /** Prints each change, then a blank line for readability, until the stream ends. */
  public static void print(MongoCursor<BsonDocument> changeStream, PrintStream out) {
    while (changeStream.hasNext()) {
      out.println(changeStream.next().toJson());
      out.println();
    }
  }
}
