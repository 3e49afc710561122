package io.tributary.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.command.crud.CollectionQuery;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read plans with the catalog as its snapshot stored it: an index built (or made multikey) after the snapshot
 * is not trusted for it, so an older snapshot still finds every document.
 */
class SnapshotPlanningTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    IndexConsistency.check(engine);
    engine.close();
  }

  @Test
  void anOlderSnapshotIgnoresIndexesBuiltAfterIt() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 1}, {_id: 2, a: [1, 5]}]}");
    try (Snapshot before = engine.storage().snapshot()) {
      harness.run("db", "{createIndexes: 'c', indexes: [{key: {a: 1}, name: 'a_1'}]}");
      CollectionMetadata now = engine.catalog().lookup(Namespace.of("db", "c")).orElseThrow();
      BsonDocument filter = BsonDocument.parse("{a: {$gte: 1, $lte: 1}}");
      QueryRequest request = QueryRequest.of(filter);
      assertThat(QueryPlanner.plan(now, request, Matcher.compile(filter)).winner()).isInstanceOf(IndexScan.class);
      assertThat(QueryPlanner.plan(CollectionQuery.asOf(before, now), request, Matcher.compile(filter)).winner())
          .isInstanceOf(CollectionScan.class);
      try (Stream<?> found = CollectionQuery.matching(before, now, filter)) {
        assertThat(found.count()).isEqualTo(2);
      }
    }
  }
}
