package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Collations in filters, sorts and distinct, and the default collation of a collection. */
class CommandCollationTest {
  private static final String CI = "collation: {locale: 'en_US', strength: 2}";
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void stringsCompareCaseInsensitivelyUnderStrengthTwo() {
    run("{insert: 'c', documents: [{_id: 1, x: 'ping'}, {_id: 2, x: 'pINg'}, {_id: 3, x: 'Apple'},"
        + " {_id: 4, x: 'apple'}, {_id: 5, x: 'péng'}]}");
    assertThat(run("{find: 'c', filter: {x: 'PING'}, " + CI + "}").getDocument("cursor").getArray("firstBatch"))
        .hasSize(2);
    assertThat(run("{find: 'c', filter: {x: 'PING'}}").getDocument("cursor").getArray("firstBatch")).isEmpty();
    assertThat(run("{count: 'c', query: {x: {$in: ['APPLE']}}, " + CI + "}").getInt32("n").getValue()).isEqualTo(2);
    assertThat(run("{update: 'c', updates: [{q: {x: 'ping'}, u: {$set: {y: 1}}, multi: true, " + CI + "}]}")
        .getInt32("nModified").getValue()).isEqualTo(2);
    assertThat(run("{delete: 'c', deletes: [{q: {x: 'PENG'}, limit: 0,"
        + " collation: {locale: 'fr', strength: 1}}]}").getInt32("n").getValue()).isEqualTo(1);
    assertThat(run("{distinct: 'c', key: 'x', " + CI + "}").getArray("values"))
        .containsExactly(new org.bson.BsonString("Apple"), new org.bson.BsonString("pINg"));
  }

  @Test
  void expressionsAndViewsFollowTheCollation() {
    run("{insert: 'c', documents: [{_id: 1, x: 'ping', tags: ['a', 'A', 'b']}]}");
    BsonDocument projected = run("{aggregate: 'c', pipeline: [{$project: {u: {$setUnion: ['$tags']},"
        + " cmp: {$cmp: ['$x', 'PING']}, at: {$indexOfArray: ['$tags', 'B']},"
        + " sorted: {$sortArray: {input: '$tags', sortBy: 1}}}}], cursor: {}, " + CI + "}")
        .getDocument("cursor").getArray("firstBatch").get(0).asDocument();
    assertThat(projected.getArray("u")).hasSize(2);
    assertThat(projected.getInt32("cmp").getValue()).isZero();
    assertThat(projected.getInt32("at").getValue()).isEqualTo(2);
    assertThat(projected.getArray("sorted")).isEqualTo(BsonArray.parse("['a', 'A', 'b']"));
    run("{create: 'v', viewOn: 'c', pipeline: [], " + CI + "}");
    assertThat(run("{find: 'v', filter: {x: 'PING'}}").getDocument("cursor").getArray("firstBatch")).hasSize(1);
    assertThatThrownBy(() -> run("{find: 'v', filter: {}, collation: {locale: 'fr'}}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(167));
    assertThatThrownBy(() -> run("{create: 'vv', viewOn: 'v', pipeline: []}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.getMessage())
            .isEqualTo("View db.vv has conflicting collation with view db.v"));
    run("{create: 'vv', viewOn: 'v', pipeline: [], " + CI + "}");
  }

  @Test
  void updateOperatorsAndAccumulatorsFollowTheCollation() {
    run("{insert: 'c', documents: [{_id: 1, x: 'ping', tags: ['a', 'A', 'b']}, {_id: 2, x: 'PING', tags: []}]}");
    run("{update: 'c', updates: [{q: {_id: 1}, u: {$addToSet: {tags: 'B'}, $max: {x: 'PING'}}, " + CI + "}]}");
    assertThat(find(1)).isEqualTo(BsonDocument.parse("{_id: 1, x: 'ping', tags: ['a', 'A', 'b']}"));
    run("{update: 'c', updates: [{q: {_id: 1}, u: {$pull: {tags: 'A'}}, " + CI + "}]}");
    assertThat(find(1).getArray("tags")).containsExactly(new org.bson.BsonString("b"));
    run("{update: 'c', updates: [{q: {_id: 1}, u: {$set: {'tags.$[t]': 'z'}}, arrayFilters: [{t: 'B'}], " + CI
        + "}]}");
    assertThat(find(1).getArray("tags")).containsExactly(new org.bson.BsonString("z"));
    run("{update: 'c', updates: [{q: {_id: 1}, u: {$push: {tags: {$each: ['B', 'a'], $sort: 1}}}, " + CI + "}]}");
    assertThat(find(1).getArray("tags")).isEqualTo(BsonArray.parse("['a', 'B', 'z']"));
    BsonDocument group = run("{aggregate: 'c', pipeline: [{$group: {_id: null, xs: {$addToSet: '$x'},"
        + " top: {$max: '$x'}}}], cursor: {}, " + CI + "}").getDocument("cursor").getArray("firstBatch").get(0)
        .asDocument();
    assertThat(group.getArray("xs")).hasSize(1);
    BsonDocument selected = run("{aggregate: 'c', pipeline: [{$group: {_id: null, top: {$top: {sortBy: {x: 1},"
        + " output: '$_id'}}, least: {$minN: {input: '$x', n: 1}}}}], cursor: {}, " + CI + "}")
        .getDocument("cursor").getArray("firstBatch").get(0).asDocument();
    assertThat(selected.getInt32("top").getValue()).as("equal under the collation: the first").isEqualTo(1);
    assertThat(selected.getArray("least")).isEqualTo(BsonArray.parse("['ping']"));
    BsonDocument windowed = run("{aggregate: 'c', pipeline: [{$setWindowFields: {partitionBy: '$x',"
        + " output: {n: {$count: {}}}}}, {$limit: 1}], cursor: {}, " + CI + "}").getDocument("cursor")
        .getArray("firstBatch").get(0).asDocument();
    assertThat(windowed.getInt32("n").getValue()).isEqualTo(2);
    BsonDocument bucket = run("{aggregate: 'c', pipeline: [{$bucket: {groupBy: '$x', boundaries: ['a', 'z']}}],"
        + " cursor: {}, " + CI + "}").getDocument("cursor").getArray("firstBatch").get(0).asDocument();
    assertThat(bucket.getInt32("count").getValue()).as("'PING' is below 'a' only in binary order").isEqualTo(2);
  }

  @Test
  void anIdIndexHasTheCollectionsDefaultCollation() {
    run("{create: 'd', " + CI + "}");
    assertThatThrownBy(() -> run("{createIndexes: 'd', indexes: [{key: {_id: 1}, name: '_id_',"
        + " collation: {locale: 'simple'}}]}")).isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(67);
          assertThat(e.getMessage()).isEqualTo("_id index must have the collection default collation");
        });
    BsonDocument note = run("{createIndexes: 'd', indexes: [{key: {_id: 1}, name: '_id_'}]}");
    assertThat(note.getInt32("numIndexesAfter").getValue()).isEqualTo(1);
  }

  private BsonDocument find(int id) {
    return run("{find: 'c', filter: {_id: " + id + "}}").getDocument("cursor").getArray("firstBatch").get(0)
        .asDocument();
  }

  private BsonDocument run(String json) {
    return harness.run("db", json);
  }
}
