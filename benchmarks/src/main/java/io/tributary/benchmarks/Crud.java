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

  /** The figures of one server. */
  record Result(Load.Run insertOne, Load.Run insertMany, Load.Run findById) {}

  /** The peer's and Tributary's figures, measured in interleaved slices. */
  record Compared(Result peer, Result ours) {}

  /** Starts a fresh server. */
  @FunctionalInterface
  interface Start {
    Servers.Running start();
  }

  /** What one operation measures on a fresh pair of sides. */
  @FunctionalInterface
  private interface Measurement {
    Interleaved.Pair on(Side peer, Side ours);
  }

  /**
   * Measures each operation on both servers in interleaved slices (see {@link Interleaved}): insertOne, then
   * insertMany, then find by {@code _id} over 10,000 seeded documents. Each operation gets fresh servers: the peer's
   * oplog is never trimmed, so one server pair kept through all three would fill the benchmark's heap with the
   * earlier operations' writes and the later figures would measure the garbage collector.
   */
  Compared run(Start peer, Start ours, Interleaved.Plan plan) throws Exception {
    Interleaved.Pair one = onFreshServers(peer, ours, (p, o) -> Interleaved.throughput(plan, p::insertOne,
        o::insertOne));
    Interleaved.Pair many = onFreshServers(peer, ours, (p, o) -> Interleaved.throughput(plan, p::insertMany,
        o::insertMany, () -> {
          p.trimBatches();
          o.trimBatches();
        }));
    Interleaved.Pair find = onFreshServers(peer, ours, (p, o) -> {
      p.seed();
      o.seed();
      return Interleaved.throughput(plan, p::findById, o::findById);
    });
    return new Compared(new Result(one.first(), many.first(), find.first()),
        new Result(one.second(), many.second(), find.second()));
  }

  private static Interleaved.Pair onFreshServers(Start peer, Start ours, Measurement measurement) throws Exception {
    try (Servers.Running peerServer = peer.start(); Servers.Running ourServer = ours.start();
        MongoClient peerClient = peerServer.client(); MongoClient ourClient = ourServer.client()) {
      return measurement.on(new Side(peerClient), new Side(ourClient));
    }
  }

  /**
   * One server's collections (single inserts and finds in one, batches in another), the next document number
   * (distinct across slices) and the ids to find.
   */
  private static final class Side {
    /** Documents the batch collection may hold before it is dropped between slices: a long warm-up at ~100k
     * documents/s on both servers would otherwise fill the benchmark's heap. */
    private static final long MAX_BATCHED = 200_000;
    /** Documents a find looks up. */
    private static final int SEEDED = 10_000;

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> batches;
    private final List<Object> ids = new ArrayList<>();
    private long next;
    private long batched;

    Side(MongoClient client) {
      collection = client.getDatabase("bench").getCollection("crud");
      batches = client.getDatabase("bench").getCollection("crudBatches");
      collection.drop();
      batches.drop();
    }

    int insertOne(int thread, long i) {
      collection.insertOne(document(next++));
      return 1;
    }

    int insertMany(int thread, long i) {
      batches.insertMany(nextBatch());
      batched += BATCH;
      return BATCH;
    }

    private List<Document> nextBatch() {
      List<Document> batch = new ArrayList<>(BATCH);
      for (int k = 0; k < BATCH; k++) {
        batch.add(document(next++));
      }
      return batch;
    }

    void trimBatches() {
      if (batched >= MAX_BATCHED) {
        batches.drop();
        batched = 0;
      }
    }

    /** Inserts the documents a find looks up and remembers their ids. */
    void seed() {
      for (int b = 0; b < SEEDED / BATCH; b++) {
        collection.insertMany(nextBatch());
      }
      collection.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.get("_id")));
    }

    int findById(int thread, long i) {
      collection.find(eq("_id", ids.get((int) (next++ % ids.size())))).first();
      return 1;
    }
  }

  /** A small document like an application's: an id-like number, a string, a nested document. */
  static Document document(long i) {
    return new Document("k", i).append("name", "user-" + i).append("t", System.nanoTime())
        .append("address", new Document("city", "Lyon").append("zip", 69000 + i % 100));
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
