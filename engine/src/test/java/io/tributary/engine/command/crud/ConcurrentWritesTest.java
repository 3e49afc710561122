package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

/** Concurrent writers: no lost update, no duplicate under a unique index, one ordered oplog. */
class ConcurrentWritesTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 100;

  @Test
  void concurrentIncrementsAndContendedInsertsStayConsistent() throws Exception {
    try (Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build()) {
      CommandHarness harness = new CommandHarness(engine);
      harness.run("db", "{insert: 'c', documents: [{_id: 'counter', n: 0}]}");
      harness.run("db", "{createIndexes: 'c', indexes: [{key: {slot: 1}, name: 'slot_1', unique: true,"
          + " sparse: true}]}");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Integer>> inserted = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        inserted.add(pool.submit(() -> {
          int mine = 0;
          for (int i = 0; i < ROUNDS; i++) {
            harness.run("db", "{update: 'c', updates: [{q: {_id: 'counter'}, u: {$inc: {n: 1}}}]}");
            // every thread races for the same slots: exactly one insert per slot wins
            mine += harness.run("db", "{insert: 'c', documents: [{slot: " + i + "}]}").getInt32("n").getValue();
          }
          return mine;
        }));
      }
      int total = 0;
      for (Future<Integer> f : inserted) {
        total += f.get();
      }
      pool.shutdown();
      assertThat(total).isEqualTo(ROUNDS);
      assertThat(harness.run("db", "{find: 'c', filter: {_id: 'counter'}}").getDocument("cursor")
          .getArray("firstBatch").get(0).asDocument().getInt32("n").getValue()).isEqualTo(THREADS * ROUNDS);
      List<OplogEntry> oplog = engine.oplog().readAfter(new BsonTimestamp(0, 0), Integer.MAX_VALUE);
      assertThat(oplog.stream().filter(e -> e.operation() instanceof Operation.Update)).hasSize(THREADS * ROUNDS);
      assertThat(oplog.stream().filter(e -> e.operation() instanceof Operation.Insert)).hasSize(ROUNDS + 1);
      for (int i = 1; i < oplog.size(); i++) {
        assertThat(oplog.get(i).clusterTime()).isGreaterThan(oplog.get(i - 1).clusterTime());
      }
      IndexConsistency.check(engine);
    }
  }
}
