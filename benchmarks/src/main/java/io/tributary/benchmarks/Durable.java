package io.tributary.benchmarks;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Durable writes: {@code insertOne} with {@code {w: 1, j: true}} on RocksDB against raw synced RocksDB puts
 * ({@code sync=true}) at the same concurrency, in interleaved slices ({@link Interleaved}), with the storage
 * engine's WAL counters over Tributary's slices (warm-up included): WAL syncs per commit is 1.0 when every insert
 * pays exactly one sync of its own, and below 1 when concurrent writers share syncs. Not thread-safe.
 */
final class Durable {
  /**
   * One concurrency level: each side's median rate, syncs per commit, the mean time of a sync, and Tributary's
   * median CPU per insert of the server (the process but the client threads) and of the driver's client threads.
   */
  record Level(int writers, double inserts, double rawPuts, double syncsPerCommit, double microsPerSync,
      double serverCpuMicros, double driverCpuMicros) {}

  private final MongoClient client;
  private final RawRocksDb raw;
  private final Interleaved.Plan plan;
  private final MongoCollection<Document> collection;

  /** {@code client} is connected to a Tributary server on RocksDB; {@code raw} syncs every put. */
  Durable(MongoClient client, RawRocksDb raw, Interleaved.Plan plan) {
    this.client = client;
    this.raw = raw;
    this.plan = plan;
    this.collection = client.getDatabase("bench").getCollection("durable")
        .withWriteConcern(WriteConcern.W1.withJournal(true));
  }

  Level measure(int writers) {
    Document before = walStats();
    Interleaved.Pair runs = Interleaved.throughput(plan, writers, this::insert, raw::put);
    Document after = walStats();
    double commits = Math.max(1, after.getLong("batches") - before.getLong("batches"));
    double syncs = after.getLong("walSyncs") - before.getLong("walSyncs");
    double micros = after.getLong("walSyncMicros") - before.getLong("walSyncMicros");
    Load.Run ours = runs.first();
    return new Level(writers, ours.itemsPerSecond(), runs.second().itemsPerSecond(), syncs / commits,
        micros / Math.max(1, syncs), ours.restMicrosPerItem(), ours.clientMicrosPerItem());
  }

  private int insert(int thread, long i) {
    collection.insertOne(Crud.document(i));
    return 1;
  }

  /** The storage engine's counters of batches written and WAL syncs, from {@code serverStatus}. */
  private Document walStats() {
    return client.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("rocksdb", Document.class);
  }
}
