package io.tributary.server.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoServerException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import io.tributary.engine.testing.ManualClock;
import io.tributary.server.ServerTestSupport;
import io.tributary.server.Tributary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * Operability of the oplog through the Java driver: {@code serverStatus}'s {@code oplog} section,
 * {@code replSetGetStatus}' optimes, the read-only {@code local.oplog.rs} that mongosh's
 * {@code db.getReplicationInfo()} reads, truncation ({@code ChangeStreamHistoryLost}, never a silent skip) and the
 * expiry of pre- and post-images. The server has a 1 MB oplog and a clock the tests move. Subclassed per engine.
 */
public abstract class OplogOperabilitySuite extends ServerTestSupport {
  private static final int OPLOG_MEGABYTES = 1;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));

  @Override
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder.oplogSizeMegabytes(OPLOG_MEGABYTES).oplogMinRetentionHours(0).clock(clock);
  }

  /** A collection whose writes wait for the journal, so they are visible (durable) when acknowledged. */
  private MongoCollection<BsonDocument> collection(String name) {
    return client().getDatabase("ops").getCollection(name, BsonDocument.class).withWriteConcern(WriteConcern.JOURNALED);
  }

  private BsonTimestamp lastOperationTime() {
    return client().getDatabase("ops").runCommand(new BsonDocument("insert", new BsonString("marks"))
        .append("documents", new BsonArray(List.of(new BsonDocument())))
        .append("writeConcern", BsonDocument.parse("{j: true}")), BsonDocument.class).getTimestamp("operationTime");
  }

  @Test
  void serverStatusReportsTheOplogAndTheStorageEngine() {
    BsonTimestamp written = lastOperationTime();

    BsonDocument status = adminCommand("{serverStatus: 1}");

    BsonDocument oplog = status.getDocument("oplog");
    assertThat(oplog.getInt64("maxSizeBytes").getValue()).isEqualTo(OPLOG_MEGABYTES * 1024L * 1024);
    assertThat(oplog.getInt64("sizeBytes").getValue()).isPositive();
    assertThat(oplog.getInt64("approximateCount").getValue()).isPositive();
    assertThat(oplog.getDouble("minRetentionHours").getValue()).isZero();
    assertThat(oplog.getDocument("latestOptime")).isEqualTo(opTime(written));
    assertThat(oplog.getDocument("earliestOptime").getTimestamp("ts")).isLessThanOrEqualTo(written);
    assertThat(status.getDocument("storageEngine").getString("name").getValue()).isEqualTo(storageEngine());
    assertThat(status.getDocument(storageEngine())).isNotNull();
    assertThat(adminCommand("{serverStatus: 1, oplog: 0}")).doesNotContainKey("oplog");
  }

  @Test
  void replSetGetStatusReportsTheNewestDurableOpTime() {
    BsonTimestamp written = lastOperationTime();

    BsonDocument status = adminCommand("{replSetGetStatus: 1}");

    BsonDocument optimes = status.getDocument("optimes");
    for (String field : List.of("lastCommittedOpTime", "readConcernMajorityOpTime", "appliedOpTime",
        "durableOpTime")) {
      assertThat(optimes.getDocument(field)).as(field).isEqualTo(opTime(written));
    }
    assertThat(optimes.getDateTime("lastCommittedWallTime").getValue()).isEqualTo(clock.millis());
    BsonDocument self = status.getArray("members").get(0).asDocument();
    assertThat(self.getDocument("optime")).isEqualTo(opTime(written));
    assertThat(self.getDocument("optimeDurable")).isEqualTo(opTime(written));
    assertThat(self.getDateTime("optimeDate").getValue()).isEqualTo(written.getTime() * 1000L);
  }

  @Test
  void theOplogReadsAsLocalOplogRsInMongodsShape() {
    MongoCollection<BsonDocument> docs = collection("shapes");
    docs.insertOne(BsonDocument.parse("{_id: 1, a: {b: 1}, c: 1}"));
    docs.updateOne(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{$set: {'a.b': 2}, $unset: {c: 1}}"));
    docs.replaceOne(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{x: 1}"));
    docs.deleteOne(BsonDocument.parse("{_id: 1}"));
    MongoDatabase local = client().getDatabase("local");
    MongoCollection<BsonDocument> oplog = local.getCollection("oplog.rs", BsonDocument.class);

    List<BsonDocument> newest = oplog.find().sort(new BsonDocument("$natural", new BsonInt32(-1))).limit(4)
        .into(new ArrayList<>());

    assertThat(local.listCollectionNames().into(new ArrayList<>())).contains("oplog.rs");
    assertThat(newest).extracting(e -> e.getString("op").getValue()).containsExactly("d", "u", "u", "i");
    BsonDocument insert = newest.get(3);
    assertThat(insert.keySet()).containsSubsequence("op", "ns", "ui", "o", "o2", "ts", "t", "v", "wall")
        .doesNotContain("h", "preImage", "postImage");
    assertThat(insert.getString("ns").getValue()).isEqualTo("ops.shapes");
    assertThat(insert.getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 1, a: {b: 1}, c: 1}"));
    assertThat(insert.get("t")).isEqualTo(new BsonInt64(1));
    assertThat(insert.get("v")).isEqualTo(new BsonInt64(2));
    assertThat(newest.get(2).getDocument("o"))
        .isEqualTo(BsonDocument.parse("{$v: 2, diff: {sa: {u: {b: 2}}, d: {c: false}}}"));
    assertThat(newest.get(1).getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 1, x: 1}"));
    assertThat(newest.get(0).getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 1}"));
    BsonTimestamp insertTime = insert.getTimestamp("ts");
    assertThat(oplog.find(new BsonDocument("ts", new BsonDocument("$gt", insertTime))).into(new ArrayList<>()))
        .isEqualTo(List.of(newest.get(2), newest.get(1), newest.get(0)));
    assertThat(oplog.find(new BsonDocument("ts", new BsonDocument("$gte", insertTime)).append("op",
        new BsonString("i"))).into(new ArrayList<>())).containsExactly(insert);
    BsonDocument first = oplog.find().sort(new BsonDocument("$natural", new BsonInt32(1))).first();
    assertThat(first.getTimestamp("ts")).isEqualTo(
        adminCommand("{serverStatus: 1}").getDocument("oplog").getDocument("earliestOptime").getTimestamp("ts"));
  }

  @Test
  void collStatsOfTheOplogReportsACappedCollectionOfTheOplogSize() {
    lastOperationTime();
    List<BsonDocument> stats = client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
        .aggregate(List.of(BsonDocument.parse("{$collStats: {storageStats: {scale: 1}}}"))).into(new ArrayList<>());

    BsonDocument storage = stats.get(0).getDocument("storageStats");
    assertThat(stats.get(0).getString("ns").getValue()).isEqualTo("local.oplog.rs");
    assertThat(storage.getBoolean("capped").getValue()).isTrue();
    assertThat(storage.getNumber("maxSize").longValue()).isEqualTo(OPLOG_MEGABYTES * 1024L * 1024);
    assertThat(storage.getNumber("size").longValue()).isPositive();
  }

  @Test
  void collStatsCountsAndSizesACollection() {
    MongoCollection<BsonDocument> docs = collection("counted");
    docs.insertMany(List.of(BsonDocument.parse("{_id: 1, s: 'abc'}"), BsonDocument.parse("{_id: 2}")));

    BsonDocument stats = docs.aggregate(List.of(BsonDocument.parse("{$collStats: {storageStats: {}, count: {}}}")))
        .first();
    BsonDocument legacy = client().getDatabase("ops").runCommand(BsonDocument.parse("{collStats: 'counted'}"),
        BsonDocument.class);

    assertThat(stats.getDocument("count").getNumber("count").longValue()).isEqualTo(2);
    assertThat(stats.getDocument("storageStats").getNumber("size").longValue())
        .isEqualTo(bsonSize("{_id: 1, s: 'abc'}") + bsonSize("{_id: 2}"));
    assertThat(stats.getDocument("storageStats").getBoolean("capped").getValue()).isFalse();
    assertThat(legacy.getString("ns").getValue()).isEqualTo("ops.counted");
    assertThat(legacy.getNumber("count").longValue()).isEqualTo(2);
    assertThat(client().getDatabase("local").runCommand(BsonDocument.parse("{collStats: 'oplog.rs'}"),
        BsonDocument.class).getBoolean("capped").getValue()).isTrue();
  }

  @Test
  void theOplogIsReadOnly() {
    MongoCollection<BsonDocument> oplog = client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class);

    assertThatThrownBy(() -> oplog.insertOne(new BsonDocument("op", new BsonString("n"))))
        .isInstanceOfSatisfying(MongoServerException.class, e -> assertThat(e.getCode()).isEqualTo(73));
  }

  @Test
  void resumingFromTruncatedHistoryFailsWithHistoryLostNeverSkips() {
    MongoCollection<BsonDocument> docs = collection("history");
    try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> live = docs.watch().cursor();
        MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> reader = docs.watch().cursor()) {
      fillTwiceTheOplog(docs);
      BsonDocument firstEvent = reader.next().getResumeToken();

      long truncations = adminCommand("{serverStatus: 1}").getDocument("oplog").getInt64("truncateCount").getValue();
      assertThat(server().engine().oplogRetention().truncate()).isTrue();
      assertThat(adminCommand("{serverStatus: 1}").getDocument("oplog").getInt64("truncateCount").getValue())
          .isEqualTo(truncations + 1);

      assertHistoryLost(() -> {
        try (var resumed = docs.watch().resumeAfter(firstEvent).cursor()) {
          resumed.tryNext();
        }
      });
      assertHistoryLost(live::tryNext);
    }
  }

  /** Writes twice the oplog's size in incompressible documents (RocksDB measures compressed sizes). */
  private static void fillTwiceTheOplog(MongoCollection<BsonDocument> docs) {
    Random random = new Random(286);
    for (int i = 0; i < 2 * OPLOG_MEGABYTES * 16; i++) {
      byte[] padding = new byte[64 * 1024];
      random.nextBytes(padding);
      docs.insertOne(new BsonDocument("_id", new BsonInt32(i)).append("padding", new BsonBinary(padding)));
    }
  }

  private static void assertHistoryLost(Runnable read) {
    assertThatThrownBy(read::run).isInstanceOfSatisfying(MongoServerException.class, e -> {
      assertThat(e.getCode()).isEqualTo(286);
      assertThat(e.getErrorLabels()).contains("NonResumableChangeStreamError");
    });
  }

  @Test
  void preAndPostImagesExpireAfterTheClusterParameter() {
    MongoDatabase db = client().getDatabase("ops");
    db.createCollection("images", new CreateCollectionOptions()
        .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
    MongoCollection<BsonDocument> docs = collection("images");
    docs.insertOne(BsonDocument.parse("{_id: 1, x: 0}"));
    BsonTimestamp before = lastOperationTime();
    docs.updateOne(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{$set: {x: 1}}"));
    adminCommand("{setClusterParameter: {changeStreamOptions: {preAndPostImages: {expireAfterSeconds: 60}}}}");
    try {
      assertThat(firstUpdate(docs, before, FullDocumentBeforeChange.WHEN_AVAILABLE).getFullDocumentBeforeChange())
          .isEqualTo(BsonDocument.parse("{_id: 1, x: 0}"));

      clock.advance(Duration.ofSeconds(61));

      ChangeStreamDocument<BsonDocument> expired = firstUpdate(docs, before, FullDocumentBeforeChange.WHEN_AVAILABLE);
      assertThat(expired.getFullDocumentBeforeChange()).isNull();
      assertThat(expired.getFullDocument()).isNull();
      assertThatThrownBy(() -> firstUpdate(docs, before, FullDocumentBeforeChange.REQUIRED))
          .isInstanceOfSatisfying(MongoServerException.class, e -> assertThat(e.getCode()).isEqualTo(47));
      BsonDocument parameter = adminCommand("{getClusterParameter: 'changeStreamOptions'}")
          .getArray("clusterParameters").get(0).asDocument();
      assertThat(parameter.getString("_id").getValue()).isEqualTo("changeStreamOptions");
      assertThat(parameter.getDocument("preAndPostImages"))
          .isEqualTo(BsonDocument.parse("{expireAfterSeconds: 60}"));
      assertThat(parameter.getTimestamp("clusterParameterTime")).isNotNull();
    } finally {
      adminCommand("{setClusterParameter: {changeStreamOptions: {preAndPostImages: {expireAfterSeconds: 'off'}}}}");
    }
  }

  @Test
  void setClusterParameterRejectsWhatMongodRejects() {
    assertThatThrownBy(() -> adminCommand(
        "{setClusterParameter: {changeStreamOptions: {preAndPostImages: {expireAfterSeconds: -1}}}}"))
        .isInstanceOfSatisfying(MongoServerException.class, e -> assertThat(e.getCode()).isEqualTo(2));
    assertThatThrownBy(() -> adminCommand("{setClusterParameter: {noSuchParameter: {}}}"))
        .isInstanceOf(MongoServerException.class);
  }

  private static ChangeStreamDocument<BsonDocument> firstUpdate(MongoCollection<BsonDocument> docs,
      BsonTimestamp from, FullDocumentBeforeChange beforeChange) {
    try (var cursor = docs.watch().startAtOperationTime(from).fullDocument(FullDocument.WHEN_AVAILABLE)
        .fullDocumentBeforeChange(beforeChange).cursor()) {
      ChangeStreamDocument<BsonDocument> event = cursor.next();
      while (!event.getOperationType().getValue().equals("update")) {
        event = cursor.next();
      }
      return event;
    }
  }

  private static long bsonSize(String json) {
    return new RawBsonDocument(BsonDocument.parse(json), new BsonDocumentCodec()).getByteBuffer().remaining();
  }

  private static BsonDocument opTime(BsonTimestamp time) {
    return new BsonDocument("ts", time).append("t", new BsonInt64(1));
  }
}
