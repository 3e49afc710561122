package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
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

  @Test
  void aFindByIdAnswersAsThePlannedEqualityRead() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 1}, {_id: 'a', a: 2}, {_id: 2.5, a: 3}]}");
    harness.run("db", "{create: 'ci', " + CI + "}");
    harness.run("db", "{insert: 'ci', documents: [{_id: 'a', a: 4}]}");
    harness.run("db", "{create: 'v', viewOn: 'c', pipeline: [{$set: {b: 1}}]}");
    for (String collection : List.of("c", "ci", "v", "missing")) {
      for (String id : List.of("1", "{$numberLong: '1'}", "'a'", "'A'", "2.5", "3", "null")) {
        for (String options : List.of("", "skip: 1", "limit: 1, singleBatch: true", "batchSize: 0", "batchSize: 1",
            "projection: {a: 0}", CI, "readConcern: {level: 'snapshot'}", "let: {x: 1}")) {
          String command = "{find: '" + collection + "', filter: {_id: %s}" + (options.isEmpty() ? "" : ", ") + options
              + "}";
          assertThat(answer(command.formatted(id))).as(command.formatted(id))
              .isEqualTo(answer(command.formatted("{$eq: " + id + "}")));
        }
      }
    }
  }

  @Test
  void anUndefinedIdFailsAsAFilter() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1}]}");

    assertThatThrownBy(() -> harness.run("db", "{find: 'c', filter: {_id: {$undefined: true}}}"))
        .isInstanceOf(MongoError.class).hasMessageContaining("cannot compare to undefined");
  }

  /** The reply, or the failure's message. */
  private BsonDocument answer(String command) {
    try {
      return harness.run("db", command);
    } catch (MongoError e) {
      return new BsonDocument("error", new BsonString(e.getMessage()));
    }
  }

  private BsonArray find(String command) {
    return harness.run("db", command).getDocument("cursor").getArray("firstBatch");
  }
}
