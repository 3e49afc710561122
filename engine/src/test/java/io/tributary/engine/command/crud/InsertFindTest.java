package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InsertFindTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    assertThat(engine.cursors().size()).as("leaked cursors").isZero();
    engine.close();
  }

  @Test
  void insertThenFindReturnsDocumentsInInsertionOrder() {
    BsonDocument reply = harness.run("db", "{insert: 'c', documents: [{_id: 2, a: 1}, {_id: 1, a: 2}, {a: 3}]}");
    assertThat(reply).isEqualTo(BsonDocument.parse("{n: 3}"));
    BsonDocument found = harness.run("db", "{find: 'c', filter: {}}");
    List<BsonDocument> batch = firstBatch(found);
    assertThat(batch).hasSize(3);
    assertThat(batch.get(0)).isEqualTo(BsonDocument.parse("{_id: 2, a: 1}"));
    assertThat(batch.get(2).getFirstKey()).isEqualTo("_id");
    assertThat(batch.get(2).isObjectId("_id")).isTrue();
    assertThat(found.getDocument("cursor").getInt64("id").getValue()).isZero();
    assertThat(found.getDocument("cursor").getString("ns").getValue()).isEqualTo("db.c");
  }

  @Test
  void duplicateIdIsAWriteErrorWithKeyPatternAndKeyValue() {
    BsonDocument reply = harness.run("db", "{insert: 'c', documents: [{_id: 1}, {_id: 1}, {_id: 2}]}");
    assertThat(reply.getInt32("n").getValue()).isEqualTo(1);
    assertThat(reply.getArray("writeErrors").get(0)).isEqualTo(BsonDocument.parse(
        "{index: 1, code: 11000, errmsg: 'E11000 duplicate key error collection: db.c index: _id_ dup key: { _id: 1 }',"
            + " keyPattern: {_id: 1}, keyValue: {_id: 1}}"));
  }

  @Test
  void unorderedInsertContinuesAfterAnError() {
    BsonDocument reply = harness.run("db",
        "{insert: 'c', ordered: false, documents: [{_id: 1}, {_id: 1}, {_id: [1]}, {_id: 2}]}");
    assertThat(reply.getInt32("n").getValue()).isEqualTo(2);
    assertThat(reply.getArray("writeErrors")).hasSize(2);
    assertThat(reply.getArray("writeErrors").get(1).asDocument().getInt32("code").getValue()).isEqualTo(53);
  }

  @Test
  void findWithIdEqualityUsesTheIdIndexAcrossNumericTypes() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1, x: 'one'}, {_id: 2}]}");
    BsonDocument found = harness.run("db", "{find: 'c', filter: {_id: 1.0}}");
    assertThat(firstBatch(found)).containsExactly(BsonDocument.parse("{_id: 1, x: 'one'}"));
  }

  @Test
  void batchesContinueWithGetMoreUntilExhausted() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1}, {_id: 2}, {_id: 3}, {_id: 4}, {_id: 5}]}");
    BsonDocument first = harness.run("db", "{find: 'c', batchSize: 2}");
    long id = first.getDocument("cursor").getInt64("id").getValue();
    assertThat(id).isPositive();
    BsonDocument second = harness.run("db", getMore(id).append("batchSize", new org.bson.BsonInt32(2)));
    assertThat(second.getDocument("cursor").getArray("nextBatch")).hasSize(2);
    BsonDocument third = harness.run("db", getMore(id));
    assertThat(third.getDocument("cursor").getInt64("id").getValue()).isZero();
    assertThat(third.getDocument("cursor").getArray("nextBatch")).hasSize(1);
  }

  @Test
  void getMoreOnUnknownCursorIsCursorNotFound() {
    assertThatThrownBy(() -> harness.run("db", getMore(42)))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(43);
          assertThat(e.getMessage()).isEqualTo("cursor id 42 not found");
        });
  }

  @Test
  void killCursorsReportsKilledAndNotFound() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1}, {_id: 2}]}");
    long id = harness.run("db", "{find: 'c', batchSize: 1}").getDocument("cursor").getInt64("id").getValue();
    BsonDocument reply = harness.run("db", BsonDocument.parse("{killCursors: 'c'}").append("cursors",
        new org.bson.BsonArray(List.of(new org.bson.BsonInt64(id), new org.bson.BsonInt64(7)))));
    assertThat(reply.getArray("cursorsKilled")).hasSize(1);
    assertThat(reply.getArray("cursorsNotFound")).hasSize(1);
  }

  @Test
  void firstInsertCreatesTheCollectionAndEveryInsertIsLogged() {
    harness.run("db", "{insert: 'c', documents: [{_id: 1}, {_id: 2}]}");
    List<OplogEntry> entries = engine.oplog().readAfter(new BsonTimestamp(0, 0), 100);
    assertThat(entries).extracting(e -> e.operation().getClass().getSimpleName())
        .containsExactly("Create", "Insert", "Insert");
    Operation.Insert insert = (Operation.Insert) entries.get(2).operation();
    assertThat(insert.documentKey()).isEqualTo(BsonDocument.parse("{_id: 2}"));
    assertThat(insert.collectionUuid()).isEqualTo(engine.catalog().lookup(insert.namespace()).get().uuid());
  }

  @Test
  void systemCollectionsAndTheOplogAreNotUserWritable() {
    assertThatThrownBy(() -> harness.run("db", "{insert: 'system.foo', documents: [{}]}"))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(73);
          assertThat(e.getMessage()).isEqualTo("cannot write to 'db.system.foo'");
        });
    assertThatThrownBy(() -> harness.run("local", "{delete: 'oplog.rs', deletes: [{q: {}, limit: 0}]}"))
        .isInstanceOf(MongoError.class);
  }

  @Test
  void oversizedDocumentsAreWriteErrors() {
    BsonDocument big = new BsonDocument("s", new org.bson.BsonString("x".repeat(16 * 1024 * 1024)));
    BsonDocument reply = harness.run("db", new BsonDocument("insert", new org.bson.BsonString("c"))
        .append("documents", new org.bson.BsonArray(List.of(big))));
    BsonDocument error = reply.getArray("writeErrors").get(0).asDocument();
    assertThat(error.getInt32("code").getValue()).isEqualTo(10334);
    assertThat(reply.getInt32("n").getValue()).isZero();
  }

  private static BsonDocument getMore(long id) {
    return new BsonDocument("getMore", new org.bson.BsonInt64(id)).append("collection", new org.bson.BsonString("c"));
  }

  private static List<BsonDocument> firstBatch(BsonDocument reply) {
    return reply.getDocument("cursor").getArray("firstBatch").stream().map(v -> v.asDocument()).toList();
  }
}
