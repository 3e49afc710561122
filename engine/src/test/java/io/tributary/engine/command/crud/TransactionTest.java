package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multi-document transactions: isolated until commit, atomic, logged with their session. */
class TransactionTest {
  private static final String S1 = "lsid: {id: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAQ==', subType: '04'}}}";
  private static final String S2 = "lsid: {id: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAg==', subType: '04'}}}";
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    IndexConsistency.check(engine);
    engine.close();
  }

  @Test
  void writesAreVisibleInsideAndOnlyAfterCommitOutside() {
    run("db", "{insert: 'c', documents: [{_id: 1, n: 0}]}");
    BsonTimestamp before = engine.oplog().lastVisible();
    run("db", "{insert: 'c', documents: [{_id: 2}], " + txn(S1, 1) + ", startTransaction: true}");
    run("db", "{update: 'c', updates: [{q: {_id: 1}, u: {$inc: {n: 1}}}], " + txn(S1, 1) + "}");
    assertThat(ids("{find: 'c', " + txn(S1, 1) + "}")).hasSize(2);
    assertThat(ids("{find: 'c'}")).hasSize(1);
    assertThat(engine.oplog().readAfter(before, 10)).isEmpty();
    run("admin", "{commitTransaction: 1, " + txn(S1, 1) + "}");
    run("admin", "{commitTransaction: 1, " + txn(S1, 1) + "}"); // a retried commit succeeds
    assertThat(ids("{find: 'c'}")).hasSize(2);
    List<OplogEntry> entries = engine.oplog().readAfter(before, 10);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.session().inTransaction()).isTrue();
      assertThat(e.session().txnNumber()).isEqualTo(1);
      assertThat(e.operation()).isInstanceOf(Operation.ApplyOps.class);
      assertThat(e.operations()).extracting(o -> o.getClass().getSimpleName()).containsExactly("Insert", "Update");
    });
  }

  @Test
  void createAndCreateIndexesInATransactionHappenAtItsCommit() {
    BsonTimestamp before = engine.oplog().lastVisible();
    run("db", "{create: 'made', " + txn(S1, 1) + ", startTransaction: true}");
    run("db", "{createIndexes: 'made', indexes: [{key: {x: 1}, name: 'x_1'}], " + txn(S1, 1) + "}");
    run("db", "{createIndexes: 'implicit', indexes: [{key: {y: 1}, name: 'y_1'}], " + txn(S1, 1) + "}");
    run("db", "{insert: 'made', documents: [{_id: 1, x: 1}], " + txn(S1, 1) + "}");
    assertThat(collections()).isEmpty();
    assertThat(engine.oplog().readAfter(before, 10)).isEmpty();
    run("admin", "{commitTransaction: 1, " + txn(S1, 1) + "}");
    assertThat(collections()).containsExactlyInAnyOrder("made", "implicit");
    assertThat(engine.oplog().readAfter(before, 10)).singleElement()
        .satisfies(e -> assertThat(e.operations()).extracting(o -> o.getClass().getSimpleName())
            .containsExactly("Create", "CreateIndex", "Create", "CreateIndex", "Insert"));
  }

  @Test
  void anAbortedTransactionCreatesNothing() {
    BsonTimestamp before = engine.oplog().lastVisible();
    run("db", "{create: 'made', " + txn(S1, 1) + ", startTransaction: true}");
    run("db", "{insert: 'made', documents: [{_id: 1}], " + txn(S1, 1) + "}");
    run("admin", "{abortTransaction: 1, " + txn(S1, 1) + "}");
    assertThat(collections()).isEmpty();
    assertThat(engine.oplog().readAfter(before, 10)).isEmpty();
    run("db", "{insert: 'made', documents: [{_id: 2}]}");
    assertThat(ids("{find: 'made'}")).hasSize(1);
  }

  @Test
  void aNewIndexInATransactionNeedsAnEmptyCollectionItCreated() {
    run("db", "{insert: 'c', documents: [{_id: 1}]}");
    run("db", "{createIndexes: 'c', indexes: [{key: {y: 1}, name: 'y_1'}]}");
    BsonDocument existing = run("db", "{createIndexes: 'c', indexes: [{key: {y: 1}, name: 'y_1'}], " + txn(S1, 1)
        + ", startTransaction: true}");
    assertThat(existing.getString("note").getValue()).isEqualTo("all indexes already exist");
    assertThatThrownBy(() -> run("db", "{createIndexes: 'c', indexes: [{key: {x: 1}, name: 'x_1'}], " + txn(S1, 1)
        + "}")).isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(263);
          assertThat(e.getMessage()).contains("existing collection");
        });
    run("db", "{create: 'made', " + txn(S1, 2) + ", startTransaction: true}");
    run("db", "{insert: 'made', documents: [{_id: 1}], " + txn(S1, 2) + "}");
    assertThatThrownBy(() -> run("db", "{createIndexes: 'made', indexes: [{key: {x: 1}, name: 'x_1'}], "
        + txn(S1, 2) + "}")).isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(263);
          assertThat(e.getMessage()).contains("non-empty collection");
        });
  }

  @Test
  void otherDdlCommandsAreNotSupportedInATransaction() {
    run("db", "{insert: 'c', documents: [{_id: 1}], " + txn(S1, 1) + ", startTransaction: true}");
    for (String command : List.of("{drop: 'c'", "{collMod: 'c'", "{renameCollection: 'db.c', to: 'db.d'",
        "{dropIndexes: 'c', index: '*'", "{dropDatabase: 1")) {
      String db = command.contains("renameCollection") ? "admin" : "db";
      assertThatThrownBy(() -> run(db, command + ", " + txn(S1, 1) + "}"))
          .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(263));
    }
    run("admin", "{commitTransaction: 1, " + txn(S1, 1) + "}");
    assertThat(ids("{find: 'c'}")).hasSize(1);
  }

  private List<String> collections() {
    return run("db", "{listCollections: 1}").getDocument("cursor").getArray("firstBatch").stream()
        .map(c -> c.asDocument().getString("name").getValue()).toList();
  }

  @Test
  void abortDiscardsAndAFailedStatementAbortsTheTransaction() {
    run("db", "{insert: 'c', documents: [{_id: 1}]}");
    run("db", "{insert: 'c', documents: [{_id: 2}], " + txn(S1, 1) + ", startTransaction: true}");
    run("admin", "{abortTransaction: 1, " + txn(S1, 1) + "}");
    assertThat(ids("{find: 'c'}")).hasSize(1);
    BsonDocument duplicate = run("db", "{insert: 'c', documents: [{_id: 1}], " + txn(S1, 2)
        + ", startTransaction: true}");
    assertThat(duplicate.getArray("writeErrors")).hasSize(1);
    assertThatThrownBy(() -> run("admin", "{commitTransaction: 1, " + txn(S1, 2) + "}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(251));
  }

  @Test
  void aSecondWritingTransactionGetsATransientWriteConflict() {
    run("db", "{insert: 'c', documents: [{_id: 1}], " + txn(S1, 1) + ", startTransaction: true}");
    assertThatThrownBy(() -> run("db", "{insert: 'c', documents: [{_id: 2}], " + txn(S2, 1)
        + ", startTransaction: true}"))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(112);
          assertThat(e.labels()).contains(ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
        });
    run("admin", "{commitTransaction: 1, " + txn(S1, 1) + "}");
    run("db", "{insert: 'c', documents: [{_id: 2}], " + txn(S2, 2) + ", startTransaction: true}");
    run("admin", "{commitTransaction: 1, " + txn(S2, 2) + "}");
    assertThat(ids("{find: 'c'}")).hasSize(2);
  }

  private static String txn(String lsid, long number) {
    return lsid + ", txnNumber: {$numberLong: '" + number + "'}, autocommit: false";
  }

  private List<?> ids(String find) {
    return run("db", find).getDocument("cursor").getArray("firstBatch");
  }

  private BsonDocument run(String db, String json) {
    return harness.run(db, json);
  }
}
