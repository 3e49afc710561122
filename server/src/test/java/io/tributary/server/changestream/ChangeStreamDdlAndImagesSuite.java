package io.tributary.server.changestream;

import static io.tributary.server.changestream.Drain.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * DDL events, expanded events, invalidation by scope, pre- and post-images and large events, via the driver.
 * Written once, run on every storage engine by subclassing.
 */
public abstract class ChangeStreamDdlAndImagesSuite extends ServerTestSupport {
  private MongoDatabase db;

  @BeforeEach
  public void setUp(TestInfo test) {
    db = client().getDatabase("ddl_" + Math.abs(test.getDisplayName().hashCode()));
    db.createCollection("seed");
  }

  @AfterEach
  public void tearDown() {
    db.drop();
  }

  @Test
  public void renameInvalidatesTheCollectionStreamAndCarriesTo() {
    MongoCollection<BsonDocument> source = collection("source");
    source.insertOne(doc("{_id: 1}"));
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = source.watch().cursor()) {
      source.renameCollection(new MongoNamespace(db.getName(), "target"));
      List<ChangeStreamDocument<BsonDocument>> events = drain(cursor, 2);
      assertThat(events).extracting(ChangeStreamDocument::getOperationType)
          .containsExactly(OperationType.RENAME, OperationType.INVALIDATE);
      assertThat(events.get(0).getDestinationNamespace().getCollectionName()).isEqualTo("target");
    }
  }

  @Test
  public void dropDatabaseEndsADatabaseStreamAfterOneDropPerCollection() {
    collection("a").insertOne(doc("{_id: 1}"));
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = db.watch(BsonDocument.class)
        .cursor()) {
      db.drop();
      List<OperationType> types = new ArrayList<>();
      ChangeStreamDocument<BsonDocument> event;
      do {
        event = cursor.next();
        types.add(event.getOperationType());
      } while (event.getOperationType() != OperationType.INVALIDATE);
      assertThat(types).containsSubsequence(OperationType.DROP, OperationType.DROP_DATABASE,
          OperationType.INVALIDATE);
      assertThat(types.subList(types.size() - 2, types.size())).containsExactly(OperationType.DROP_DATABASE,
          OperationType.INVALIDATE);
    }
  }

  @Test
  public void expandedEventsReportDdlWithDescriptions() {
    try (MongoCursor<BsonDocument> cursor = db.watch(List.of(doc("{$match: {'ns.coll': 'x'}}")),
        BsonDocument.class).showExpandedEvents(true).withDocumentClass(BsonDocument.class).cursor()) {
      db.createCollection("x");
      MongoCollection<BsonDocument> x = collection("x");
      x.createIndex(Indexes.ascending("a"));
      x.dropIndex("a_1");
      db.runCommand(doc("{collMod: 'x', changeStreamPreAndPostImages: {enabled: true}}"));
      x.renameCollection(new MongoNamespace(db.getName(), "y"), new RenameCollectionOptions().dropTarget(true));
      List<BsonDocument> events = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        events.add(cursor.next());
      }
      assertThat(events).extracting(e -> e.getString("operationType").getValue())
          .containsExactly("create", "createIndexes", "dropIndexes", "modify", "rename");
      assertThat(events).allSatisfy(e -> assertThat(e.isBinary("collectionUUID")).isTrue());
      assertThat(events.get(1).getDocument("operationDescription").getArray("indexes")).hasSize(1);
      assertThat(events.get(3).getDocument("operationDescription"))
          .isEqualTo(doc("{changeStreamPreAndPostImages: {enabled: true}}"));
      assertThat(events.get(4).getDocument("operationDescription").getDocument("to"))
          .isEqualTo(new BsonDocument("db", new BsonString(db.getName())).append("coll", new BsonString("y")));
    }
  }

  @Test
  public void preAndPostImagesWhenEnabled() {
    db.createCollection("images", new CreateCollectionOptions()
        .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
    MongoCollection<BsonDocument> images = collection("images");
    images.insertOne(doc("{_id: 1}"));
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = images.watch()
        .fullDocument(FullDocument.REQUIRED)
        .fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED).cursor()) {
      images.updateOne(Filters.eq("_id", 1), Updates.set("x", 1));
      ChangeStreamDocument<BsonDocument> event = cursor.next();
      assertThat(event.getFullDocumentBeforeChange()).isEqualTo(doc("{_id: 1}"));
      assertThat(event.getFullDocument()).isEqualTo(doc("{_id: 1, x: 1}"));
    }
  }

  @Test
  public void imagesWhenDisabledAreNullOrAnError() {
    MongoCollection<BsonDocument> plain = collection("plain");
    plain.insertOne(doc("{_id: 1}"));
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> available = plain.watch()
        .fullDocument(FullDocument.WHEN_AVAILABLE)
        .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE).cursor();
         MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> required = plain.watch()
             .fullDocument(FullDocument.REQUIRED).cursor()) {
      plain.updateOne(Filters.eq("_id", 1), Updates.set("x", 1));
      ChangeStreamDocument<BsonDocument> event = available.next();
      assertThat(event.getFullDocument()).isNull();
      assertThat(event.getFullDocumentBeforeChange()).isNull();
      assertThatThrownBy(required::next).isInstanceOfSatisfying(MongoCommandException.class,
          e -> assertThat(e.getErrorCode()).isEqualTo(47));
    }
  }

  @Test
  public void largeEventsFailWithoutTheSplitStageAndArriveInFragmentsWithIt() {
    db.createCollection("big", new CreateCollectionOptions()
        .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
    MongoCollection<BsonDocument> big = collection("big");
    String tenMegabytes = "x".repeat(10 * 1024 * 1024);
    big.insertOne(new BsonDocument("_id", new org.bson.BsonInt32(1)).append("s", new BsonString(tenMegabytes)));
    try (MongoCursor<BsonDocument> whole = big.watch(BsonDocument.class)
        .fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED).withDocumentClass(BsonDocument.class).cursor();
         MongoCursor<BsonDocument> split = big.watch(List.of(doc("{$changeStreamSplitLargeEvent: {}}")),
                 BsonDocument.class).fullDocumentBeforeChange(FullDocumentBeforeChange.REQUIRED)
             .withDocumentClass(BsonDocument.class).cursor()) {
      big.replaceOne(Filters.eq("_id", 1), new BsonDocument("s", new BsonString(tenMegabytes + "y")));
      assertThatThrownBy(whole::next).isInstanceOfSatisfying(MongoCommandException.class,
          e -> assertThat(e.getErrorCode()).isEqualTo(10334));
      BsonDocument first = split.next();
      BsonDocument second = split.next();
      assertThat(first.getDocument("splitEvent")).isEqualTo(doc("{fragment: 1, of: 2}"));
      assertThat(second.getDocument("splitEvent")).isEqualTo(doc("{fragment: 2, of: 2}"));
      assertThat(second.containsKey("fullDocumentBeforeChange")).isTrue();
    }
  }

  private MongoCollection<BsonDocument> collection(String name) {
    return db.getCollection(name, BsonDocument.class);
  }

  private static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }
}
