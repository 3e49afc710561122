package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.storage.StorageOptions;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over RocksDB: state survives a restart, and the commit path makes w:1 writes visible. */
class EngineRestartTest {
  @TempDir
  Path dbpath;

  @Test
  void catalogDocumentsIndexesAndClusterTimeSurviveARestart() {
    BsonTimestamp lastBefore;
    try (Engine engine = open()) {
      CommandHarness harness = new CommandHarness(engine);
      harness.run("db", "{insert: 'c', documents: [{_id: 1, k: 'a'}, {_id: 2, k: 'b'}]}");
      harness.run("db", "{createIndexes: 'c', indexes: [{key: {k: 1}, name: 'k_1', unique: true}]}");
      harness.run("db", "{create: 'images', changeStreamPreAndPostImages: {enabled: true}}");
      lastBefore = engine.oplog().lastVisible();
    }
    try (Engine engine = open()) {
      CommandHarness harness = new CommandHarness(engine);
      assertThat(engine.oplog().lastVisible()).isEqualTo(lastBefore);
      BsonDocument reply = harness.run("db", "{insert: 'c', ordered: false, documents: [{_id: 3, k: 'a'}, {_id: 4, k: 'c'}]}");
      assertThat(reply.getArray("writeErrors").get(0).asDocument().getInt32("code").getValue()).isEqualTo(11000);
      assertThat(harness.run("db", "{find: 'c'}").getDocument("cursor").getArray("firstBatch"))
          .extracting(d -> d.asDocument().getInt32("_id").getValue()).containsExactly(1, 2, 4);
      List<OplogEntry> after = engine.oplog().readAfter(lastBefore, 10);
      assertThat(after).hasSize(1);
      assertThat(after.get(0).clusterTime()).isGreaterThan(lastBefore);
      assertThat(engine.catalog().lookup(Namespace.of("db", "images")).orElseThrow().recordsPreAndPostImages())
          .isTrue();
      IndexConsistency.check(engine);
    }
  }

  @Test
  void unacknowledgedDurabilityWritesBecomeVisibleThroughTheBackgroundSync() {
    try (Engine engine = open()) {
      CommandHarness harness = new CommandHarness(engine);
      BsonTimestamp start = engine.oplog().lastVisible();
      harness.run("db", "{insert: 'c', documents: [{_id: 1}], writeConcern: {w: 1}}");
      BsonTimestamp visible = engine.oplog().whenVisibleAfter(start).join();
      assertThat(visible).isGreaterThan(start);
      assertThat(engine.oplog().readAfter(start, 10)).hasSize(2);
    }
  }

  private Engine open() {
    return Engine.builder().storage(RocksDbStorageEngine.open(StorageOptions.at(dbpath))).build();
  }
}
