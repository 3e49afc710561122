package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads by {@code _id} alone probe the {@code _id} index without planning, with the planner's results. */
class IdLookupTest {
  private static final String CI = "collation: {locale: 'en_US', strength: 2}";
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    assertThat(engine.cursors().size()).as("leaked cursors").isZero();
    engine.close();
  }

  @Test
  void numbersOfEveryTypeFindTheirEqual() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 'int'}, {_id: 2.5}, {_id: null}]}");

    assertThat(find("{find: 'c', filter: {_id: 1.0}}")).containsExactly(BsonDocument.parse("{_id: 1, a: 'int'}"));
    assertThat(find("{find: 'c', filter: {_id: {$numberLong: '1'}}}")).hasSize(1);
    assertThat(find("{find: 'c', filter: {_id: null}}")).containsExactly(BsonDocument.parse("{_id: null}"));
    assertThat(find("{find: 'c', filter: {_id: 3}}")).isEmpty();
  }

  @Test
  void aStringUnderAnotherCollationThanTheIndexesIsMatchedUnderTheQuerysCollation() {
    harness.run("db", "{insert: 'c', documents: [{_id: 'a'}, {_id: 'b'}]}");

    assertThat(find("{find: 'c', filter: {_id: 'A'}}")).isEmpty();
    assertThat(find("{find: 'c', filter: {_id: 'A'}, " + CI + "}")).containsExactly(BsonDocument.parse("{_id: 'a'}"));
  }

  @Test
  void aCollectionsDefaultCollationIsTheIdIndexes() {
    harness.run("db", "{create: 'c', " + CI + "}");
    harness.run("db", "{insert: 'c', documents: [{_id: 'a'}]}");

    assertThat(find("{find: 'c', filter: {_id: 'A'}}")).containsExactly(BsonDocument.parse("{_id: 'a'}"));
    assertThat(find("{find: 'c', filter: {_id: 'A'}, collation: {locale: 'simple'}}")).isEmpty();
  }

  @Test
  void writesByIdFindTheirDocument() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, n: 0}, {_id: 2, n: 0}]}");

    harness.run("db", "{update: 'c', updates: [{q: {_id: 1}, u: {$inc: {n: 1}}}]}");
    harness.run("db", "{delete: 'c', deletes: [{q: {_id: 2}, limit: 1}]}");

    assertThat(find("{find: 'c', filter: {}}")).containsExactly(BsonDocument.parse("{_id: 1, n: 1}"));
  }

  private BsonArray find(String command) {
    return harness.run("db", command).getDocument("cursor").getArray("firstBatch");
  }
}
