package io.tributary.server.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * CRUD, DDL and cursor behaviour through the MongoDB Java driver, written once and run on every storage engine by
 * subclassing. After each test: no cursor is left open.
 */
public abstract class CrudBehaviourSuite extends ServerTestSupport {
  private MongoDatabase db;
  private MongoCollection<Document> coll;

  @BeforeEach
  void freshDatabase() {
    db = client().getDatabase("crud");
    db.drop();
    coll = db.getCollection("c");
  }

  @AfterEach
  void noLeakedCursors() {
    assertThat(server().engine().cursors().size()).as("open cursors").isZero();
  }

  @Test
  void insertedDocumentsComeBackInInsertionOrderWithGeneratedIds() {
    coll.insertOne(new Document("x", 1));
    coll.insertMany(List.of(new Document("_id", 5).append("x", 2), new Document("x", 3)));
    List<Document> all = coll.find().into(new ArrayList<>());
    assertThat(all).extracting(d -> d.get("x")).containsExactly(1, 2, 3);
    assertThat(all.get(0).get("_id")).isInstanceOf(ObjectId.class);
    assertThat(coll.find(Filters.eq("_id", 5)).first()).isEqualTo(new Document("_id", 5).append("x", 2));
  }

  @Test
  void orderedInsertStopsAtTheDuplicateKey() {
    coll.insertOne(new Document("_id", 1));
    assertThatThrownBy(() -> coll.insertMany(List.of(new Document("_id", 2), new Document("_id", 1),
        new Document("_id", 3))))
        .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
          assertThat(e.getWriteErrors()).hasSize(1);
          assertThat(e.getWriteErrors().get(0).getIndex()).isEqualTo(1);
          assertThat(e.getWriteErrors().get(0).getCode()).isEqualTo(11000);
          assertThat(e.getWriteErrors().get(0).getMessage())
              .isEqualTo("E11000 duplicate key error collection: crud.c index: _id_ dup key: { _id: 1 }");
          assertThat(e.getWriteResult().getInsertedCount()).isEqualTo(1);
        });
    assertThat(coll.estimatedDocumentCount()).isEqualTo(2);
  }

  @Test
  void unorderedInsertContinuesPastErrors() {
    coll.insertOne(new Document("_id", 1));
    assertThatThrownBy(() -> coll.insertMany(List.of(new Document("_id", 1), new Document("_id", 2),
        new Document("_id", 1)), new InsertManyOptions().ordered(false)))
        .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
          assertThat(e.getWriteErrors()).extracting(w -> w.getIndex()).containsExactly(0, 2);
          assertThat(e.getWriteResult().getInsertedCount()).isEqualTo(1);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"insert.documents", "update.updates", "delete.deletes"})
  void statementsThatAreNotAnArrayAreATypeMismatchAndAMissingArrayFailsToParse(String path) {
    String[] names = path.split("\\.");
    assertThatThrownBy(() -> db.runCommand(new Document(names[0], "c").append(names[1], 5)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCodeName()).isEqualTo("TypeMismatch");
          assertThat(e.getErrorMessage())
              .isEqualTo("BSON field '" + path + "' is the wrong type 'int', expected type 'array'");
        });
    assertThatThrownBy(() -> db.runCommand(new Document(names[0], "c")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCodeName()).isEqualTo("FailedToParse");
          assertThat(e.getErrorMessage()).isEqualTo("BSON field '" + path + "' is missing but a required field");
        });
  }

  @Test
  void uniqueSecondaryIndexRejectsDuplicatesWithKeyPatternAndKeyValue() {
    coll.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
    coll.insertOne(new Document("email", "a@x"));
    assertThatThrownBy(() -> coll.insertOne(new Document("email", "a@x")))
        .isInstanceOfSatisfying(MongoWriteException.class, e -> {
          assertThat(e.getCode()).isEqualTo(11000);
          assertThat(e.getMessage()).contains("index: email_1 dup key: { email: \"a@x\" }");
          BsonDocument details = e.getError().getDetails();
          assertThat(details.isEmpty() || details.containsKey("keyPattern")).isTrue();
        });
    assertThatThrownBy(() -> coll.updateOne(Filters.eq("email", "nobody"),
        Updates.set("email", "a@x"), new UpdateOptions().upsert(true)))
        .isInstanceOf(MongoWriteException.class);
  }

  @Test
  void updatesReportMatchedModifiedAndUpserted() {
    coll.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 1)));
    UpdateResult one = coll.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1));
    assertThat(one.getMatchedCount()).isEqualTo(1);
    assertThat(one.getModifiedCount()).isEqualTo(1);
    UpdateResult many = coll.updateMany(Filters.empty(), Updates.set("n", 2));
    assertThat(many.getMatchedCount()).isEqualTo(2);
    assertThat(many.getModifiedCount()).isEqualTo(1);
    UpdateResult upsert = coll.updateOne(Filters.eq("k", "v"), Updates.set("n", 9), new UpdateOptions().upsert(true));
    assertThat(upsert.getMatchedCount()).isZero();
    assertThat(upsert.getUpsertedId()).isNotNull();
    assertThat(coll.find(Filters.eq("k", "v")).first()).containsEntry("n", 9);
    coll.replaceOne(Filters.eq("_id", 2), new Document("replaced", true));
    assertThat(coll.find(Filters.eq("_id", 2)).first()).isEqualTo(new Document("_id", 2).append("replaced", true));
  }

  @Test
  void deletesRemoveOneOrAll() {
    coll.insertMany(List.of(new Document("t", 1), new Document("t", 1), new Document("t", 2)));
    DeleteResult one = coll.deleteOne(Filters.eq("t", 1));
    assertThat(one.getDeletedCount()).isEqualTo(1);
    DeleteResult all = coll.deleteMany(Filters.empty());
    assertThat(all.getDeletedCount()).isEqualTo(2);
    assertThat(coll.find().first()).isNull();
  }

  @Test
  void findAndModifyReturnsTheDocumentBeforeOrAfter() {
    coll.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 5)));
    Document before = coll.findOneAndUpdate(Filters.empty(), Updates.inc("n", 10),
        new FindOneAndUpdateOptions().sort(Sorts.descending("n")));
    assertThat(before).isEqualTo(new Document("_id", 2).append("n", 5));
    Document after = coll.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 1),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    assertThat(after).isEqualTo(new Document("_id", 1).append("n", 2));
    Document upserted = coll.findOneAndUpdate(Filters.eq("_id", 3), Updates.set("n", 0),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    assertThat(upserted).isEqualTo(new Document("_id", 3).append("n", 0));
    assertThat(coll.findOneAndDelete(Filters.eq("_id", 3))).isEqualTo(upserted);
    assertThat(coll.findOneAndReplace(Filters.eq("_id", 1), new Document("r", 1)))
        .isEqualTo(new Document("_id", 1).append("n", 2));
    assertThat(coll.findOneAndDelete(Filters.eq("_id", 42))).isNull();
  }

  @Test
  void findHonoursFilterSortSkipLimitAndProjection() {
    for (int i = 0; i < 10; i++) {
      coll.insertOne(new Document("_id", i).append("odd", i % 2 == 1).append("v", 10 - i));
    }
    List<Document> found = coll.find(Filters.eq("odd", true)).sort(Sorts.ascending("v")).skip(1).limit(2)
        .projection(new Document("v", 1)).into(new ArrayList<>());
    assertThat(found).containsExactly(new Document("_id", 7).append("v", 3), new Document("_id", 5).append("v", 5));
  }

  @Test
  void cursorsDeliverEveryBatchAndAreKilledWhenClosedEarly() {
    for (int i = 0; i < 25; i++) {
      coll.insertOne(new Document("_id", i));
    }
    assertThat(coll.find().batchSize(4).into(new ArrayList<>())).hasSize(25);
    FindIterable<Document> iterable = coll.find().batchSize(2);
    try (MongoCursor<Document> cursor = iterable.iterator()) {
      cursor.next();
      cursor.next();
      cursor.next();
      assertThat(server().engine().cursors().size()).isEqualTo(1);
    }
  }

  @Test
  void countAndDistinctAndAggregate() {
    coll.insertMany(List.of(new Document("k", "a").append("tags", List.of(1, 2)), new Document("k", "b")
        .append("tags", List.of(2, 3)), new Document("k", "a")));
    assertThat(coll.estimatedDocumentCount()).isEqualTo(3);
    assertThat(db.runCommand(new Document("count", "c").append("query", new Document("k", "a"))).get("n"))
        .isEqualTo(2);
    assertThat(coll.distinct("k", String.class).into(new ArrayList<>())).containsExactly("a", "b");
    assertThat(coll.distinct("tags", Integer.class).into(new ArrayList<>())).containsExactly(1, 2, 3);
    assertThat(coll.aggregate(List.of(new Document("$match", new Document("k", "b")))).into(new ArrayList<>()))
        .hasSize(1);
  }

  @Test
  void collectionsAreCreatedListedRenamedAndDropped() {
    db.createCollection("explicit");
    assertThatThrownBy(() -> db.runCommand(new Document("create", "explicit").append("capped", true)
        .append("size", 4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
    coll.insertOne(new Document("_id", 1));
    assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("explicit", "c");
    Document info = db.listCollections().filter(Filters.eq("name", "c")).first();
    assertThat(info.get("type")).isEqualTo("collection");
    assertThat(info.get("info", Document.class).get("readOnly")).isEqualTo(false);
    assertThat(info.get("idIndex", Document.class).get("name")).isEqualTo("_id_");
    coll.renameCollection(new com.mongodb.MongoNamespace("crud", "renamed"));
    assertThat(db.getCollection("renamed").find().first()).isEqualTo(new Document("_id", 1));
    db.getCollection("renamed").renameCollection(new com.mongodb.MongoNamespace("crud", "explicit"),
        new RenameCollectionOptions().dropTarget(true));
    assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactly("explicit");
    db.getCollection("explicit").drop();
    db.getCollection("never-existed").drop();
    assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
  }

  @Test
  void indexesAreCreatedListedAndDropped() {
    coll.insertOne(new Document("a", List.of(1, 2)).append("b", 1));
    assertThat(coll.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b"))))
        .isEqualTo("a_1_b_-1");
    BsonDocument again = db.runCommand(new Document("createIndexes", "c").append("indexes",
        List.of(new Document("key", new Document("a", 1).append("b", -1)).append("name", "a_1_b_-1"))),
        BsonDocument.class);
    assertThat(again.getString("note").getValue()).isEqualTo("all indexes already exist");
    assertThat(coll.listIndexes().into(new ArrayList<>())).extracting(d -> d.get("name"))
        .containsExactly("_id_", "a_1_b_-1");
    coll.dropIndex("a_1_b_-1");
    assertThat(coll.listIndexes().into(new ArrayList<>())).hasSize(1);
    assertThatThrownBy(() -> coll.dropIndex("_id_")).isInstanceOf(MongoCommandException.class);
  }

  @Test
  void databasesAreListedAndDropped() {
    coll.insertOne(new Document());
    assertThat(client().listDatabaseNames().into(new ArrayList<>())).contains("crud");
    db.drop();
    assertThat(client().listDatabaseNames().into(new ArrayList<>())).doesNotContain("crud");
  }

  @Test
  void viewsAreReadThroughTheirPipelineAndRejectWrites() {
    coll.insertMany(List.of(new Document("_id", 1).append("k", "a"), new Document("_id", 2).append("k", "b")));
    db.createView("onlyA", "c", List.of(new Document("$match", new Document("k", "a"))));
    Document info = db.listCollections().filter(Filters.eq("name", "onlyA")).first();
    assertThat(info.get("type")).isEqualTo("view");
    MongoCollection<Document> view = db.getCollection("onlyA");
    assertThat(view.find().into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("k", "a"));
    assertThat(view.find(Filters.eq("k", "b")).first()).isNull();
    assertThat(view.estimatedDocumentCount()).isEqualTo(1);
    assertThat(view.aggregate(List.of(new Document("$match", new Document()))).into(new ArrayList<>())).hasSize(1);
    assertThatThrownBy(() -> view.insertOne(new Document("k", "a")))
        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(166));
  }

  @Test
  void retryableWritesApplyOnceWhenTheConnectionDropsAfterTheCommit() {
    adminCommand("{configureFailPoint: 'onPrimaryTransactionalWrite', mode: {times: 1}}");
    coll.insertOne(new Document("_id", 1));
    UpdateResult update = coll.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1));
    adminCommand("{configureFailPoint: 'onPrimaryTransactionalWrite', mode: {times: 1}}");
    Document before = coll.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 1));
    assertThat(update.getModifiedCount()).isEqualTo(1);
    assertThat(before).isEqualTo(new Document("_id", 1).append("n", 1));
    assertThat(coll.find().into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("n", 2));
    adminCommand("{configureFailPoint: 'onPrimaryTransactionalWrite', mode: {times: 2},"
        + " data: {failBeforeCommitExceptionCode: 1}}");
    assertThatThrownBy(() -> coll.deleteOne(Filters.eq("_id", 1))).isInstanceOf(RuntimeException.class);
    assertThat(coll.estimatedDocumentCount()).isEqualTo(1);
  }

  @Test
  void snapshotSessionsReadOneStateAndRefuseWrites() {
    coll.insertMany(List.of(new Document("_id", 1).append("x", 11), new Document("_id", 2).append("x", 11)));
    try (ClientSession session = client().startSession(ClientSessionOptions.builder().snapshot(true).build())) {
      assertThat(coll.find(session).into(new ArrayList<>())).hasSize(2);
      coll.updateOne(Filters.eq("_id", 1), Updates.inc("x", 1));
      coll.insertOne(new Document("_id", 3).append("x", 33));
      assertThat(coll.find(session, Filters.eq("_id", 1)).first()).containsEntry("x", 11);
      assertThat(coll.distinct(session, "x", Integer.class).into(new ArrayList<>())).containsExactly(11);
      assertThat(coll.aggregate(session, List.of(new Document("$match", new Document()))).into(new ArrayList<>()))
          .hasSize(2);
      assertThatThrownBy(() -> coll.insertOne(session, new Document("_id", 4)))
          .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(72));
    }
    assertThat(coll.find(Filters.eq("_id", 1)).first()).containsEntry("x", 12);
  }

  @Test
  void transactionsCommitAtomicallyAndAbortWithoutTrace() {
    coll.insertOne(new Document("_id", 1).append("balance", 100));
    try (ClientSession session = client().startSession()) {
      session.withTransaction(() -> {
        coll.updateOne(session, Filters.eq("_id", 1), Updates.inc("balance", -30));
        coll.insertOne(session, new Document("_id", 2).append("balance", 30));
        assertThat(coll.find(session).into(new ArrayList<>())).hasSize(2);
        return null;
      });
      session.startTransaction();
      coll.insertOne(session, new Document("_id", 3));
      session.abortTransaction();
    }
    assertThat(coll.find().into(new ArrayList<>())).containsExactly(
        new Document("_id", 1).append("balance", 70), new Document("_id", 2).append("balance", 30));
  }

  @Test
  void commandErrorsCarryMongodCodes() {
    assertThatThrownBy(() -> db.runCommand(new BsonDocument("getMore", new org.bson.BsonInt64(12345))
        .append("collection", new org.bson.BsonString("c"))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(43);
          assertThat(e.getErrorCodeName()).isEqualTo("CursorNotFound");
        });
    assertThatThrownBy(() -> db.runCommand(new BsonDocument("insert", new BsonInt32(1))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(73));
  }
}
