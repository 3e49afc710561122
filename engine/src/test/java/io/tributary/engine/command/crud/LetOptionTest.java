package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code let} option defines variables for {@code $expr} filters and pipeline updates. */
class LetOptionTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void everyFilteringCommandSeesItsLetVariables() {
    run("{insert: 'c', documents: [{_id: 1, x: 11}, {_id: 2, x: 22}, {_id: 3, x: 33}]}");
    BsonDocument found = run("{find: 'c', filter: {$expr: {$eq: ['$_id', '$$id']}}, let: {id: 1}}");
    assertThat(found.getDocument("cursor").getArray("firstBatch")).hasSize(1);
    BsonDocument updated = run("{update: 'c', updates: [{q: {$expr: {$eq: ['$_id', '$$id']}},"
        + " u: [{$set: {x: '$$x'}}]}], let: {id: 2, x: 'two'}}");
    assertThat(updated.getInt32("nModified").getValue()).isEqualTo(1);
    BsonDocument modified = run("{findAndModify: 'c', query: {$expr: {$eq: ['$x', '$$x']}},"
        + " update: {$set: {y: 1}}, new: true, let: {x: 'two'}}");
    assertThat(modified.getDocument("value")).isEqualTo(BsonDocument.parse("{_id: 2, x: 'two', y: 1}"));
    BsonDocument deleted = run("{delete: 'c', deletes: [{q: {$expr: {$gt: ['$x', '$$min']}}, limit: 0}],"
        + " let: {min: 20}}");
    assertThat(deleted.getInt32("n").getValue()).isEqualTo(2); // 33, and the string: strings sort after numbers
  }

  private BsonDocument run(String json) {
    return harness.run("db", json);
  }
}
