package io.tributary.examples;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The tutorial's advice made concrete: a listener that stores the resume token of every change it has handled
 * and, when restarted, resumes right after it, so changes made while it was down are not missed. The token goes to
 * a file given as the first argument ({@code resume-token.json} by default), written to a temporary file and
 * renamed, so a crash leaves the old token or the new one, never half of one.
 *
 * <pre>CHANGE_STREAM_DB=mongodb://localhost:27017 java io.tributary.examples.ResumingListener token.json</pre>
 */
public final class ResumingListener {
  private ResumingListener() {}

  public static void main(String[] args) throws IOException {
    Path tokenFile = Path.of(args.length > 0 ? args[0] : "resume-token.json");
    try (MongoClient client = MongoClients.create(System.getenv("CHANGE_STREAM_DB"));
        MongoCursor<BsonDocument> changeStream = open(client.getDatabase("changestream").getCollection("collection"),
            tokenFile)) {
      while (printNext(changeStream, tokenFile, System.out)) {
        // each call handles one change
      }
    }
  }

  /** Opens the change stream right after the saved token, or from now when there is none yet. */
  public static MongoCursor<BsonDocument> open(MongoCollection<Document> collection, Path tokenFile)
      throws IOException {
    ChangeStreamIterable<Document> changeStream = collection.watch();
    if (Files.exists(tokenFile)) {
      // startAfter, unlike resumeAfter, also accepts the token of an invalidate (the collection was dropped).
      changeStream.startAfter(BsonDocument.parse(Files.readString(tokenFile)));
    }
    return changeStream.withDocumentClass(BsonDocument.class).cursor();
  }

  /**
   * Waits for the next change, prints it and saves its token ({@code _id}); false when the stream has ended.
   * Printing before saving means a crash in between prints that change again on restart, rather than losing it.
   */
  public static boolean printNext(MongoCursor<BsonDocument> changeStream, Path tokenFile, PrintStream out)
      throws IOException {
    if (!changeStream.hasNext()) {
      return false;
    }
    BsonDocument change = changeStream.next();
    out.println(change.toJson());
    Path temporary = tokenFile.resolveSibling(tokenFile.getFileName() + ".tmp");
    Files.writeString(temporary, change.getDocument("_id").toJson());
    Files.move(temporary, tokenFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
