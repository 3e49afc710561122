package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.COLL;
import static io.tributary.engine.changestream.StreamFixture.COLL_UUID;
import static io.tributary.engine.changestream.StreamFixture.key;
import static io.tributary.engine.changestream.StreamFixture.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.SessionInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event documents: fields, values and MongoDB's field order (reference §1.4). */
class ChangeEventShapeTest {
  private static final BsonDocument EXPANDED = new BsonDocument("showExpandedEvents", BsonBoolean.TRUE);
  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void tearDown() throws InterruptedException {
    fixture.close();
  }

  @Test
  void insertHasTheManualsFieldsInOrder() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.insert(1);
    OplogEntry entry = lastEntry();
    BsonDocument event = next(cursor).documents().get(0);
    assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "fullDocument",
        "ns", "documentKey");
    assertThat(event.get("clusterTime")).isEqualTo(entry.clusterTime());
    assertThat(event.get("wallTime")).isEqualTo(new BsonDateTime(entry.wallTimeMillis()));
    assertThat(event.getDocument("fullDocument")).isEqualTo(key(1).append("x", new BsonInt32(1)));
    assertThat(event.getDocument("ns")).isEqualTo(new BsonDocument("db", new BsonString("db")).append("coll",
        new BsonString("coll")));
    assertThat(event.getDocument("documentKey")).isEqualTo(key(1));
  }

  @Test
  void updateCarriesTheUpdateDescriptionWithTruncatedArraysButNoDisambiguatedPaths() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.update(1, null, null);
    BsonDocument event = next(cursor).documents().get(0);
    assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "ns",
        "documentKey", "updateDescription");
    assertThat(event.getDocument("updateDescription").keySet()).containsExactly("updatedFields", "removedFields",
        "truncatedArrays");
  }

  @Test
  void replaceAndDeleteShapes() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    fixture.oplog.append(new Operation.Replace(COLL, COLL_UUID, key(1), key(1).append("bye",
        new BsonString("world")), null));
    fixture.oplog.append(new Operation.Delete(COLL, COLL_UUID, key(1), null));
    List<BsonDocument> events = next(cursor).documents();
    assertThat(events.get(0).keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime",
        "fullDocument", "ns", "documentKey");
    assertThat(events.get(1).keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "ns",
        "documentKey");
  }

  @Test
  void transactionFieldsOnlyForTransactionalEntries() {
    ChangeStreamCursor cursor = fixture.open(new BsonDocument());
    BsonDocument lsid = new BsonDocument("id", new BsonBinary(UUID.randomUUID()));
    fixture.oplog.append(new Operation.Insert(COLL, COLL_UUID, key(1), key(1)), new SessionInfo(lsid, 7, 0, true));
    fixture.oplog.append(new Operation.Insert(COLL, COLL_UUID, key(2), key(2)), new SessionInfo(lsid, 8, 0, false));
    List<BsonDocument> events = next(cursor).documents();
    assertThat(events.get(0).keySet()).startsWith("txnNumber", "lsid", "_id");
    assertThat(events.get(0).get("txnNumber")).isEqualTo(new BsonInt64(7));
    assertThat(events.get(1).keySet()).doesNotContain("txnNumber", "lsid");
  }

  @Test
  void expandedEventsAddDdlEventsCollectionUuidAndDescriptions() {
    ChangeStreamCursor plain = fixture.open(new BsonDocument());
    ChangeStreamCursor expanded = fixture.open(EXPANDED);
    BsonDocument index = new BsonDocument("v", new BsonInt32(2)).append("key", new BsonDocument("x",
        new BsonInt32(1))).append("name", new BsonString("x_1"));
    fixture.oplog.append(new Operation.Create(COLL, COLL_UUID, new BsonDocument()));
    fixture.oplog.append(new Operation.CreateIndex(COLL, COLL_UUID, index));
    fixture.oplog.append(new Operation.DropIndex(COLL, COLL_UUID, index));
    BsonDocument change = new BsonDocument("changeStreamPreAndPostImages", new BsonDocument("enabled",
        BsonBoolean.TRUE));
    fixture.oplog.append(new Operation.Modify(COLL, COLL_UUID, change, new BsonDocument("collectionOptions",
        new BsonDocument())));
    fixture.update(1, null, null);
    assertThat(next(plain).documents()).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("update");
    List<BsonDocument> events = next(expanded).documents();
    assertThat(events).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("create", "createIndexes", "dropIndexes", "modify", "update");
    assertThat(events.get(0).keySet()).containsExactly("_id", "operationType", "clusterTime", "collectionUUID",
        "wallTime", "ns", "operationDescription");
    assertThat(events.get(1).getDocument("operationDescription")).isEqualTo(new BsonDocument("indexes",
        new org.bson.BsonArray(List.of(index))));
    assertThat(events.get(3).getDocument("operationDescription")).isEqualTo(change);
    assertThat(events.get(3).keySet()).endsWith("operationDescription", "stateBeforeChange");
    assertThat(events.get(4).getDocument("updateDescription").keySet()).contains("disambiguatedPaths");
    assertThat(events.get(4).get("collectionUUID")).isEqualTo(new BsonBinary(COLL_UUID));
  }

  @Test
  void expandedRenameDescribesTheTargetAndTheDroppedCollection() {
    ChangeStreamCursor cursor = fixture.open("db", new BsonInt32(1), EXPANDED);
    UUID dropped = UUID.randomUUID();
    Namespace target = Namespace.of("db", "target");
    fixture.oplog.append(new Operation.Rename(COLL, COLL_UUID, target, dropped));
    BsonDocument event = next(cursor).documents().get(0);
    assertThat(event.keySet()).containsExactly("to", "_id", "operationType", "clusterTime", "collectionUUID",
        "wallTime", "ns", "operationDescription");
    assertThat(event.getDocument("operationDescription")).isEqualTo(new BsonDocument("to",
        EventParts.namespaceDocument(target)).append("dropTarget", new BsonBinary(dropped)));
  }

  @Test
  void fullDocumentOptionsOnUpdates() {
    BsonDocument pre = key(1).append("x", new BsonInt32(1));
    BsonDocument post = key(1).append("x", new BsonInt32(2));
    fixture.currentDocuments.put(key(1), key(1).append("x", new BsonInt32(3)));
    ChangeStreamCursor lookup = fixture.open(options("fullDocument", "updateLookup"));
    ChangeStreamCursor whenAvailable = fixture.open(options("fullDocument", "whenAvailable"));
    ChangeStreamCursor before = fixture.open(options("fullDocumentBeforeChange", "whenAvailable"));
    fixture.update(1, pre, post);
    fixture.update(2, null, null);
    List<BsonDocument> looked = next(lookup).documents();
    assertThat(looked.get(0).getDocument("fullDocument")).isEqualTo(key(1).append("x", new BsonInt32(3)));
    assertThat(looked.get(0).keySet()).containsSequence("wallTime", "fullDocument", "ns");
    assertThat(looked.get(1).get("fullDocument")).isEqualTo(BsonNull.VALUE);
    List<BsonDocument> images = next(whenAvailable).documents();
    assertThat(images.get(0).getDocument("fullDocument")).isEqualTo(post);
    assertThat(images.get(1).get("fullDocument")).isEqualTo(BsonNull.VALUE);
    List<BsonDocument> preImages = next(before).documents();
    assertThat(preImages.get(0).getDocument("fullDocumentBeforeChange")).isEqualTo(pre);
    assertThat(preImages.get(0).keySet()).endsWith("updateDescription", "fullDocumentBeforeChange");
    assertThat(preImages.get(1).get("fullDocumentBeforeChange")).isEqualTo(BsonNull.VALUE);
  }

  @Test
  void requiredImagesFailTheStreamWithNoMatchingDocument() {
    ChangeStreamCursor post = fixture.open(options("fullDocument", "required"));
    ChangeStreamCursor pre = fixture.open(options("fullDocumentBeforeChange", "required"));
    fixture.update(1, null, null);
    assertFailsWith(post, 47);
    assertFailsWith(pre, 47);
    assertThat(post.next(0, 0)).isCompletedExceptionally();
  }

  @Test
  void oversizedEventFailsWithoutTheSplitStageAndIsSplitWithIt() {
    ChangeStreamCursor plain = fixture.open(options("fullDocumentBeforeChange", "whenAvailable"));
    ChangeStreamCursor split = fixture.open(options("fullDocumentBeforeChange", "whenAvailable"),
        new BsonDocument("$changeStreamSplitLargeEvent", new BsonDocument()));
    BsonDocument big = key(1).append("s", new BsonString("x".repeat(10 * 1024 * 1024)));
    fixture.oplog.append(new Operation.Replace(COLL, COLL_UUID, key(1), big, big));
    assertFailsWith(plain, 10334);
    List<BsonDocument> fragments = new java.util.ArrayList<>(next(split).documents());
    assertThat(fragments).as("a batch stays under 16 MiB").hasSize(1);
    fragments.addAll(next(split).documents());
    assertThat(fragments.get(0).getDocument("splitEvent")).isEqualTo(new BsonDocument("fragment",
        new BsonInt32(1)).append("of", new BsonInt32(2)));
    assertThat(fragments.get(0).keySet()).startsWith("_id", "splitEvent", "operationType");
    assertThat(fragments.get(1).keySet()).containsExactly("_id", "splitEvent", "fullDocumentBeforeChange");
    ResumeToken second = ResumeToken.parse(fragments.get(1).getDocument("_id"));
    assertThat(second).isGreaterThan(ResumeToken.parse(fragments.get(0).getDocument("_id")));
  }

  private static void assertFailsWith(ChangeStreamCursor cursor, int code) {
    assertThatThrownBy(() -> next(cursor)).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(code));
  }

  private static BsonDocument options(String name, String value) {
    return new BsonDocument(name, new BsonString(value));
  }

  private OplogEntry lastEntry() {
    return fixture.oplog.readAfter(new org.bson.BsonTimestamp(0, 0), Integer.MAX_VALUE).stream()
        .reduce((a, b) -> b).orElseThrow();
  }
}
