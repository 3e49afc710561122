package io.tributary.server.capped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.CursorType;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoQueryException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capped collections and tailable cursors through the MongoDB Java driver, as mongod 7.0 has them: creation
 * options, deletion of the oldest documents in insertion order (as delete events), natural order, tailable and
 * awaitData cursors. Written once, run on every storage engine by subclassing. After each test: no open cursor.
 */
public abstract class CappedCollectionSuite extends ServerTestSupport {
  private MongoDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = client().getDatabase("capped");
    db.drop();
  }

  @AfterEach
  void noLeakedCursors() {
    assertThat(server().engine().cursors().size()).as("open cursors").isZero();
  }

  private MongoCollection<Document> capped(String name, long size, long max) {
    CreateCollectionOptions options = new CreateCollectionOptions().capped(true).sizeInBytes(size);
    db.createCollection(name, max > 0 ? options.maxDocuments(max) : options);
    return db.getCollection(name);
  }

  private static List<Object> ids(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.get("_id")));
    return ids;
  }

  @Test
  void createChecksTheCappedOptionsAsMongodDoes() {
    assertThatThrownBy(() -> db.createCollection("c", new CreateCollectionOptions().capped(true)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(72);
          assertThat(e.getErrorMessage()).isEqualTo("the 'size' field is required when 'capped' is true");
        });
    assertThatThrownBy(() -> db.runCommand(new Document("create", "c").append("size", 4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorMessage())
            .isEqualTo("the 'capped' field needs to be true when either the 'size' or 'max' fields are present"));
    assertThatThrownBy(() -> db.runCommand(new Document("create", "c").append("capped", true).append("size", 0)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(51024);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'size' value must be >= 1, actual value '0'");
        });
    assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
  }

  @Test
  void listCollectionsAndCollStatsReportTheLimits() {
    capped("c", 1000, 3);
    Document info = db.listCollections().filter(Filters.eq("name", "c")).first();
    assertThat(info.get("options", Document.class))
        .isEqualTo(new Document("capped", true).append("size", 1000).append("max", 3));
    Document stats = db.getCollection("c").aggregate(List.of(new Document("$collStats",
        new Document("storageStats", new Document())))).first().get("storageStats", Document.class);
    assertThat(stats.get("capped")).isEqualTo(true);
    assertThat(stats.get("max")).isEqualTo(3);
    assertThat(stats.get("maxSize")).isEqualTo(1000);
    Document collStats = db.runCommand(new Document("collStats", "c"));
    assertThat(collStats.get("maxSize")).isEqualTo(1000);
    db.createCollection("plain");
    assertThat(db.runCommand(new Document("collStats", "plain")).get("capped")).isEqualTo(false);
    assertThat(db.runCommand(new Document("collStats", "plain")).containsKey("maxSize")).isFalse();
  }

  @Test
  void insertsBeyondMaxDeleteTheOldestDocuments() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 3);
    IntStream.range(0, 5).forEach(i -> coll.insertOne(new Document("_id", i)));
    coll.insertMany(List.of(new Document("_id", 5), new Document("_id", 6)));
    assertThat(ids(coll.find())).containsExactly(4, 5, 6);
    assertThat(coll.countDocuments()).isEqualTo(3);
  }

  @Test
  void insertsBeyondSizeDeleteTheOldestDocumentsAndKeepTheNewest() {
    MongoCollection<Document> coll = capped("c", 4096, 0);
    String padding = "x".repeat(1000);
    IntStream.range(0, 10).forEach(i -> coll.insertOne(new Document("_id", i).append("p", padding)));
    assertThat(ids(coll.find())).containsExactly(6, 7, 8, 9);
    Document stats = db.runCommand(new Document("collStats", "c"));
    assertThat(((Number) stats.get("size")).longValue()).isLessThanOrEqualTo(4096);
    coll.insertOne(new Document("_id", "big").append("p", "y".repeat(5000)));
    assertThat(ids(coll.find())).as("a document over the size is kept alone, as mongod 5.0+ keeps it")
        .containsExactly("big");
    coll.insertOne(new Document("_id", 10));
    assertThat(ids(coll.find())).containsExactly(10);
  }

  @Test
  void theDeletionsAreDeleteEventsAfterTheInsert() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 2);
    coll.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = coll.watch().cursor()) {
      coll.insertOne(new Document("_id", 3));
      ChangeStreamDocument<Document> insert = stream.next();
      ChangeStreamDocument<Document> delete = stream.next();
      assertThat(insert.getOperationTypeString()).isEqualTo("insert");
      assertThat(delete.getOperationTypeString()).isEqualTo("delete");
      assertThat(delete.getDocumentKey()).isEqualTo(BsonDocument.parse("{_id: 1}"));
      assertThat(delete.getClusterTime()).isGreaterThan(insert.getClusterTime());
    }
  }

  @Test
  void updatesAndDeletesAreAllowedAndCounted() {
    MongoCollection<Document> coll = capped("c", 4096, 0);
    coll.insertOne(new Document("_id", 1));
    coll.updateOne(Filters.eq("_id", 1), Updates.set("grown", "z".repeat(3000)));
    coll.insertOne(new Document("_id", 2).append("p", "w".repeat(1500)));
    assertThat(ids(coll.find())).as("the grown document counts toward the size").containsExactly(2);
    coll.deleteOne(Filters.eq("_id", 2));
    assertThat(coll.countDocuments()).isZero();
  }

  @Test
  void ttlIndexesAreRefused() {
    MongoCollection<Document> coll = capped("c", 4096, 0);
    assertThatThrownBy(() -> coll.createIndex(Indexes.ascending("at"),
        new IndexOptions().expireAfter(60L, TimeUnit.SECONDS)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(67);
          assertThat(e.getErrorMessage()).isEqualTo("Cannot create TTL index on a capped collection");
        });
    coll.createIndex(Indexes.ascending("at"));
  }

  @Test
  void naturalOrderSortsAndHintsScanInStorageOrder() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 0);
    List.of(3, 1, 2).forEach(i -> coll.insertOne(new Document("_id", i)));
    assertThat(ids(coll.find())).containsExactly(3, 1, 2);
    assertThat(ids(coll.find().sort(new Document("$natural", -1)))).containsExactly(2, 1, 3);
    assertThat(ids(coll.find().hint(new Document("$natural", -1)))).containsExactly(2, 1, 3);
    MongoCollection<Document> plain = db.getCollection("plain");
    List.of(3, 1, 2).forEach(i -> plain.insertOne(new Document("_id", i)));
    assertThat(ids(plain.find().sort(new Document("$natural", -1)))).containsExactly(2, 1, 3);
    assertThat(ids(plain.find(Filters.gt("_id", 1)).sort(new Document("$natural", 1)))).containsExactly(3, 2);
    assertThatThrownBy(() -> plain.find().sort(new Document("$natural", 2)).first())
        .isInstanceOfSatisfying(MongoQueryException.class, e -> assertThat(e.getErrorMessage())
            .isEqualTo("$natural sort cannot be set to a value other than -1 or 1."));
  }

  @Test
  void tailableCursorsNeedACappedCollection() {
    db.getCollection("plain").insertOne(new Document("_id", 1));
    assertThatThrownBy(() -> db.getCollection("plain").find().cursorType(CursorType.Tailable).cursor().close())
        .isInstanceOfSatisfying(MongoQueryException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage()).endsWith("tailable cursor requested on non capped collection");
        });
    assertThatThrownBy(() -> db.runCommand(new Document("find", "plain").append("awaitData", true)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(9));
    capped("c", 4096, 0).insertOne(new Document("_id", 1));
    assertThatThrownBy(() -> db.runCommand(new Document("find", "c").append("tailable", true)
        .append("sort", new Document("_id", 1))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorMessage())
            .isEqualTo("cannot use tailable option with a sort other than {$natural: 1}"));
  }

  @Test
  void aTailableCursorStaysOpenAndReturnsLaterInserts() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 0);
    coll.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
    try (MongoCursor<Document> cursor = coll.find(Filters.ne("_id", 4)).cursorType(CursorType.Tailable)
        .batchSize(1).cursor()) {
      assertThat(cursor.next().get("_id")).isEqualTo(1);
      assertThat(cursor.next().get("_id")).isEqualTo(2);
      assertThat(cursor.tryNext()).as("an empty batch, the cursor stays open").isNull();
      assertThat(cursor.getServerCursor()).isNotNull();
      coll.insertMany(List.of(new Document("_id", 3), new Document("_id", 4), new Document("_id", 5)));
      assertThat(cursor.next().get("_id")).isEqualTo(3);
      assertThat(cursor.next().get("_id")).as("the filter applies to new documents").isEqualTo(5);
    }
  }

  @Test
  void anAwaitDataGetMoreIsAnsweredByTheNextInsert() throws Exception {
    MongoCollection<Document> coll = capped("c", 1 << 20, 0);
    coll.insertOne(new Document("_id", 1));
    try (MongoCursor<Document> cursor = coll.find().cursorType(CursorType.TailableAwait)
        .maxAwaitTime(60, TimeUnit.SECONDS).cursor()) {
      assertThat(cursor.next().get("_id")).isEqualTo(1);
      // The getMore waits up to a minute; the insert must end its wait (else the tryNext would return null).
      CompletableFuture<Document> next = CompletableFuture.supplyAsync(cursor::tryNext);
      newClient().getDatabase("capped").getCollection("c").insertOne(new Document("_id", 2));
      assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo(new Document("_id", 2));
    }
  }

  @Test
  void anAwaitDataGetMoreEndsEmptyAtItsDeadline() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 0);
    coll.insertOne(new Document("_id", 1));
    try (MongoCursor<Document> cursor = coll.find().cursorType(CursorType.TailableAwait)
        .maxAwaitTime(10, TimeUnit.MILLISECONDS).cursor()) {
      assertThat(cursor.next().get("_id")).isEqualTo(1);
      assertThat(cursor.tryNext()).isNull();
      assertThat(cursor.getServerCursor()).isNotNull();
    }
  }

  @Test
  void aTailableCursorOnAnEmptyCollectionIsClosedAtOnce() {
    MongoCollection<Document> coll = capped("c", 4096, 0);
    try (MongoCursor<Document> cursor = coll.find().cursorType(CursorType.Tailable).cursor()) {
      assertThat(cursor.getServerCursor()).isNull();
    }
  }

  @Test
  void aTailableCursorWhosePositionWasDeletedDies() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 3);
    coll.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
    try (MongoCursor<Document> cursor = coll.find().cursorType(CursorType.Tailable).cursor()) {
      assertThat(ids(() -> List.of(cursor.next(), cursor.next(), cursor.next()).iterator()))
          .containsExactly(1, 2, 3);
      IntStream.range(4, 8).forEach(i -> coll.insertOne(new Document("_id", i)));
      assertThatThrownBy(cursor::tryNext).isInstanceOfSatisfying(MongoQueryException.class,
          e -> assertThat(e.getErrorCode()).isEqualTo(136));
    }
  }

  @Test
  void convertToCappedKeepsTheNewestDocumentsAndOnlyTheIdIndex() {
    MongoCollection<Document> coll = db.getCollection("c");
    IntStream.range(0, 10).forEach(i -> coll.insertOne(new Document("_id", i).append("p", "x".repeat(1000))));
    coll.createIndex(Indexes.ascending("p"));
    db.runCommand(new Document("convertToCapped", "c").append("size", 4096));
    assertThat(ids(coll.find())).containsExactly(6, 7, 8, 9);
    assertThat(db.listCollections().first().get("options", Document.class))
        .isEqualTo(new Document("capped", true).append("size", 4096));
    assertThat(coll.listIndexes().into(new ArrayList<>())).extracting(i -> i.get("name")).containsExactly("_id_");
    assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactly("c");
    assertThatThrownBy(() -> db.runCommand(new Document("convertToCapped", "missing").append("size", 4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
  }

  @Test
  void cloneCollectionAsCappedCopiesIntoANewCappedCollection() {
    MongoCollection<Document> coll = db.getCollection("source");
    IntStream.range(0, 5).forEach(i -> coll.insertOne(new Document("_id", i)));
    db.runCommand(new Document("cloneCollectionAsCapped", "source").append("toCollection", "copy")
        .append("size", 1 << 20));
    assertThat(ids(db.getCollection("copy").find())).containsExactly(0, 1, 2, 3, 4);
    assertThat(ids(coll.find())).containsExactly(0, 1, 2, 3, 4);
    assertThat(db.runCommand(new Document("collStats", "copy")).get("capped")).isEqualTo(true);
    assertThatThrownBy(() -> db.runCommand(new Document("cloneCollectionAsCapped", "source")
        .append("toCollection", "copy").append("size", 4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
  }

  @Test
  void transactionsMayNotWriteCappedCollections() {
    MongoCollection<Document> coll = capped("c", 4096, 0);
    try (ClientSession session = client().startSession()) {
      session.startTransaction();
      assertThatThrownBy(() -> coll.insertOne(session, new Document("_id", 1)))
          .isInstanceOfSatisfying(MongoException.class, e -> {
            assertThat(e.getCode()).isEqualTo(263);
            assertThat(e.getMessage()).contains("Collection 'capped.c' is a capped collection. Writes in"
                + " transactions are not allowed on capped collections.");
          });
      session.abortTransaction();
    }
    assertThat(coll.countDocuments()).isZero();
  }

  @Test
  void theOplogCanBeTailedFromATimestamp() throws Exception {
    MongoCollection<Document> coll = db.getCollection("c");
    coll.insertOne(new Document("_id", 1));
    MongoCollection<Document> oplog = client().getDatabase("local").getCollection("oplog.rs");
    BsonTimestamp last = oplog.find().sort(new Document("$natural", -1)).first().get("ts", BsonTimestamp.class);
    try (MongoCursor<Document> cursor = oplog.find(Filters.and(Filters.gt("ts", last), Filters.eq("ns", "capped.c")))
        .cursorType(CursorType.TailableAwait).maxAwaitTime(60, TimeUnit.SECONDS).cursor()) {
      assertThat(cursor.getServerCursor()).isNotNull();
      CompletableFuture<Document> next = CompletableFuture.supplyAsync(cursor::tryNext);
      coll.insertOne(new Document("_id", 2));
      Document entry = next.get(30, TimeUnit.SECONDS);
      assertThat(entry.get("op")).isEqualTo("i");
      assertThat(entry.get("o")).isEqualTo(new Document("_id", 2));
    }
  }

  @Test
  void collModChangesTheLimitsAndTheNextInsertApplies() {
    MongoCollection<Document> coll = capped("c", 1 << 20, 0);
    IntStream.range(0, 6).forEach(i -> coll.insertOne(new Document("_id", i)));
    db.runCommand(new Document("collMod", "c").append("cappedMax", 3).append("cappedSize", 100_000));
    assertThat(db.listCollections().first().get("options", Document.class))
        .isEqualTo(new Document("capped", true).append("size", 100_000).append("max", 3));
    assertThat(coll.countDocuments()).as("nothing is deleted before the next insert").isEqualTo(6);
    coll.insertOne(new Document("_id", 6));
    assertThat(ids(coll.find())).containsExactly(4, 5, 6);
    db.createCollection("plain");
    assertThatThrownBy(() -> db.runCommand(new Document("collMod", "plain").append("cappedSize", 4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(72);
          assertThat(e.getErrorMessage()).isEqualTo("Collection must be capped.");
        });
  }
}
