package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Index entries are ordered by MongoDB's order: a range scan returns documents in key order. */
class IndexScanTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    IndexConsistency.check(engine);
    engine.close();
  }

  @Test
  void rangeScanFollowsKeyOrderAcrossTypesAndDirections() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 3}, {_id: 2, a: 'x'}, {_id: 3, a: 1.5}, {_id: 4},"
        + " {_id: 5, a: [2, 10]}]}");
    harness.run("db", "{createIndexes: 'c', indexes: [{key: {a: 1}, name: 'a_1'}, {key: {a: -1}, name: 'a_-1'}]}");
    CollectionMetadata collection = engine.catalog().lookup(Namespace.of("db", "c")).orElseThrow();
    assertThat(ids(collection, "a_1", null, null)).containsExactly(4, 3, 5, 1, 5, 2);
    assertThat(ids(collection, "a_-1", null, null)).containsExactly(2, 5, 1, 5, 3, 4);
    byte[] low = IndexKeys.encode(BsonDocument.parse("{a: 1}"), BsonDocument.parse("{a: 2}"));
    byte[] high = IndexKeys.encode(BsonDocument.parse("{a: 1}"), BsonDocument.parse("{a: 10}"));
    assertThat(ids(collection, "a_1", low, high)).containsExactly(5, 1);
  }

  private List<Integer> ids(CollectionMetadata collection, String index, byte[] low, byte[] high) {
    List<Integer> ids = new ArrayList<>();
    try (DocumentCursor cursor = Documents.scanIndex(engine.storage(), collection,
        collection.index(index).orElseThrow(), low, high, false)) {
      cursor.forEachRemaining(d -> {
        BsonValue id = d.document().get("_id");
        ids.add(id.asInt32().getValue());
      });
    }
    return ids;
  }
}
