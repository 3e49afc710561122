package io.tributary.benchmarks;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * CRUD figures driven through the MongoDB Java driver; the same code runs against every server, so the figures of
 * different servers compare directly.
 */
final class Crud {
  static final int BATCH = 100;

  private final Duration warmup;
  private final Duration measure;

  Crud(Duration warmup, Duration measure) {
    this.warmup = warmup;
    this.measure = measure;
  }

  /** The figures of one server, in the order {@link #NAMES} lists them. */
  record Result(double insertOne, double insertMany, double findById) {}

  Result run(Servers.Running server) {
    try (MongoClient client = server.client()) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("crud");
      collection.drop();
      double one = Load.throughput(1, warmup, measure, (t, i) -> {
        collection.insertOne(document(i));
        return 1;
      });
      double many = Load.throughput(1, warmup, measure, (t, i) -> {
        List<Document> batch = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
          batch.add(document(i * BATCH + k));
        }
        collection.insertMany(batch);
        return BATCH;
      });
      List<Object> ids = new ArrayList<>();
      collection.find().projection(new Document("_id", 1)).limit(10_000).forEach(d -> ids.add(d.get("_id")));
      double find = Load.throughput(1, warmup, measure, (t, i) -> {
        collection.find(eq("_id", ids.get((int) (i % ids.size())))).first();
        return 1;
      });
      return new Result(one, many, find);
    }
  }

  /** A small document like an application's: an id-like number, a string, a nested document. */
  static Document document(long i) {
    return new Document("k", i).append("name", "user-" + i).append("t", System.nanoTime())
        .append("address", new Document("city", "Lyon").append("zip", 69000 + i % 100));
  }

  /** Durable single inserts per second with {@code j: true} from {@code threads} writers. */
  double journaledInserts(Servers.Running server, int threads) {
    return inserts(server, threads, WriteConcern.W1.withJournal(true));
  }

  /** Single inserts per second with {@code concern} from {@code threads} writers. */
  double inserts(Servers.Running server, int threads, WriteConcern concern) {
    try (MongoClient client = server.client()) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("durable")
          .withWriteConcern(concern);
      return Load.throughput(threads, warmup, measure, (t, i) -> {
        collection.insertOne(document(i));
        return 1;
      });
    }
  }
}
