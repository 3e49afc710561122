package io.tributary.cli;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tributary.examples.Writer;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bson.BsonDocument;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary demo}: the tutorial's writer ({@link Writer}) against {@code --uri}, for a {@code watch} running
 * in another terminal; with {@code --embedded}, the whole tutorial in one process: an in-memory server, a change
 * stream on {@code changestream.collection}, the writer, and the events printed on stdout (narration on stderr).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Make the tutorial's changes (insert, update, replace, delete, drop) on changestream.collection.")
final class DemoCommand implements Callable<Integer> {
  private static final String DATABASE = "changestream";
  private static final String COLLECTION = "collection";

  @Mixin
  ConnectionOption connection;

  @Option(names = "--embedded", description = "Start an in-memory server, watch it, write, and print the events.")
  boolean embedded;

  @Option(names = "--pretty", description = "Indent each event instead of one line per event.")
  boolean pretty;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (embedded) {
      runEmbedded();
    } else {
      try (MongoClient client = MongoClients.create(connection.connectionString())) {
        Writer.write(collection(client));
      }
      narrate("inserted, updated, replaced and deleted {_id: 1} in " + DATABASE + "." + COLLECTION + " on "
          + connection.hosts() + ", then dropped the collection");
    }
    return 0;
  }

  private void runEmbedded() {
    try (TributaryServer server = Tributary.builder().inMemory().port(0).start();
        MongoClient client = MongoClients.create(server.connectionString());
        MongoChangeStreamCursor<BsonDocument> changeStream = RawChangeStreams.open(collection(client).watch())) {
      narrate("started an in-memory server at " + server.connectionString() + " and opened a change stream on "
          + DATABASE + "." + COLLECTION);
      narrate("writing: insert, update, replace, delete, drop; the events follow, one per line");
      Writer.write(collection(client));
      PrintWriter out = spec.commandLine().getOut();
      EventFormat format = pretty ? EventFormat.PRETTY : EventFormat.LINE;
      while (changeStream.hasNext()) {
        out.println(format.format(changeStream.next()));
      }
      out.flush();
      narrate("the drop invalidated the stream; try it with a server: bin/tributary serve, then bin/tributary watch "
          + DATABASE + "." + COLLECTION + " and bin/tributary demo in other terminals");
    }
  }

  private static MongoCollection<Document> collection(MongoClient client) {
    return client.getDatabase(DATABASE).getCollection(COLLECTION);
  }

  private void narrate(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("demo: " + message);
    err.flush();
  }
}
