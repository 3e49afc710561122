package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code maxTimeMS} as mongod enforces it, through the Java driver: long scans stop with {@code MaxTimeMSExpired}
 * (50), measured on the injected clock (a clock that moves one second whenever it is read while a test arms it,
 * so no test sleeps), and the {@code maxTimeAlwaysTimeOut} fail point drivers' own tests use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaxTimeMSTest extends ServerTestSupport {
  private static final int DOCUMENTS = 20_000;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder.clock(clock);
  }

  @BeforeAll
  void fill() {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      documents.add(new Document("_id", i).append("x", i));
    }
    collection().drop();
    collection().insertMany(documents);
  }

  @AfterEach
  void reset() {
    clock.stepOnEveryRead(Duration.ZERO);
    adminCommand("{configureFailPoint: 'maxTimeAlwaysTimeOut', mode: 'off'}");
  }

  @Test
  void aScanPastItsDeadlineFailsWithMaxTimeMSExpired() {
    clock.stepOnEveryRead(Duration.ofSeconds(1));

    assertTimesOut(() -> collection().find(Filters.eq("x", -1)).maxTime(10, TimeUnit.SECONDS).first());
    assertTimesOut(() -> collection().countDocuments(Filters.eq("x", -1),
        new com.mongodb.client.model.CountOptions().maxTime(10, TimeUnit.SECONDS)));
    assertTimesOut(() -> collection().distinct("x", Filters.eq("x", -1), Integer.class)
        .maxTime(10, TimeUnit.SECONDS).first());
    assertTimesOut(() -> collection().aggregate(List.of(new Document("$match", new Document("x", -1))))
        .maxTime(10, TimeUnit.SECONDS).first());
    assertTimesOut(() -> client().getDatabase("test").runCommand(new Document("count", "items")
        .append("query", new Document("x", -1)).append("maxTimeMS", 10_000)));
  }

  @Test
  void aLookupReadingPastTheDeadlineFails() {
    MongoCollection<Document> orders = client().getDatabase("test").getCollection("orders");
    orders.drop();
    orders.insertOne(new Document("_id", 1).append("item", 7));
    clock.stepOnEveryRead(Duration.ofSeconds(1));
    List<Document> lookup = List.of(new Document("$lookup", new Document("from", "items")
        .append("localField", "item").append("foreignField", "x").append("as", "items")));

    assertTimesOut(() -> orders.aggregate(lookup).maxTime(10, TimeUnit.SECONDS).first());
    clock.stepOnEveryRead(Duration.ZERO);
    assertThat(orders.aggregate(lookup).maxTime(10, TimeUnit.SECONDS).first().getList("items", Document.class))
        .hasSize(1);
  }

  @Test
  void writesThatScanPastTheirDeadlineFail() {
    clock.stepOnEveryRead(Duration.ofSeconds(1));
    Document update = new Document("update", "items")
        .append("updates", List.of(new Document("q", new Document("x", -1))
            .append("u", new Document("$set", new Document("y", 1))).append("multi", true)))
        .append("maxTimeMS", 10_000);
    Document delete = new Document("delete", "items")
        .append("deletes", List.of(new Document("q", new Document("x", -1)).append("limit", 0)))
        .append("maxTimeMS", 10_000);

    assertTimesOut(() -> client().getDatabase("test").runCommand(update));
    assertTimesOut(() -> client().getDatabase("test").runCommand(delete));
  }

  @Test
  void withoutALimitOrWithinItTheSameScanCompletes() {
    clock.stepOnEveryRead(Duration.ofSeconds(1));

    assertThat(collection().find(Filters.eq("x", -1)).first()).isNull();
    assertThat(collection().find(Filters.eq("_id", 5)).maxTime(10, TimeUnit.SECONDS).first()).isNotNull();
    clock.stepOnEveryRead(Duration.ZERO);
    assertThat(collection().find(Filters.eq("x", -1)).maxTime(10, TimeUnit.SECONDS).first()).isNull();
    assertThat(collection().updateMany(Filters.eq("x", -1), Updates.set("y", 1)).getMatchedCount()).isZero();
  }

  @Test
  void theFailPointTimesOutEveryCommandThatHasALimit() {
    adminCommand("{configureFailPoint: 'maxTimeAlwaysTimeOut', mode: {times: 2}}");

    assertTimesOut(() -> adminCommand("{ping: 1, maxTimeMS: 10000}"));
    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    assertTimesOut(() -> collection().find(Filters.eq("_id", 1)).maxTime(1, TimeUnit.SECONDS).first());
    assertThat(collection().find(Filters.eq("_id", 1)).maxTime(1, TimeUnit.SECONDS).first()).isNotNull();
  }

  @Test
  void theFailPointTimesOutTheGetMoreOfACursorOpenedWithALimit() {
    try (var cursor = collection().find().batchSize(2).maxTime(10, TimeUnit.SECONDS).iterator();
        var unlimited = collection().find().batchSize(2).iterator()) {
      cursor.next();
      cursor.next();
      unlimited.next();
      unlimited.next();
      adminCommand("{configureFailPoint: 'maxTimeAlwaysTimeOut', mode: 'alwaysOn'}");

      assertThat(unlimited.next()).isNotNull();
      assertTimesOut(cursor::next);
    }
  }

  @Test
  void aWriteWaitingForTheWritePermitOfATransactionExpires() {
    try (ClientSession session = client().startSession()) {
      session.startTransaction();
      collection().insertOne(session, new Document("_id", "in the transaction"));
      Document insert = new Document("insert", "items")
          .append("documents", List.of(new Document("_id", "waiting"))).append("maxTimeMS", 200);

      assertTimesOut(() -> client().getDatabase("test").runCommand(insert));
      session.abortTransaction();
    }
    assertThat(collection().countDocuments(Filters.in("_id", "waiting", "in the transaction"))).isZero();
  }

  @Test
  void aGetMoreOfAQueryCursorRefusesAnAwaitTime() {
    BsonDocument first = client().getDatabase("test").runCommand(
        new Document("find", "items").append("batchSize", 1), BsonDocument.class);
    long id = first.getDocument("cursor").getInt64("id").getValue();
    Document getMore = new Document("getMore", id).append("collection", "items").append("maxTimeMS", 100);

    assertThatThrownBy(() -> client().getDatabase("test").runCommand(getMore))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage())
              .isEqualTo("cannot set maxTimeMS on getMore command for a non-awaitData cursor");
        });
    client().getDatabase("test").runCommand(new Document("killCursors", "items").append("cursors", List.of(id)));
  }

  @Test
  void aBadMaxTimeMSIsBadValue() {
    assertThatThrownBy(() -> adminCommand("{ping: 1, maxTimeMS: -1}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage()).isEqualTo("maxTimeMS is out of range");
        });
    assertThatThrownBy(() -> adminCommand("{ping: 1, maxTimeMS: 'soon'}"))
        .isInstanceOfSatisfying(MongoCommandException.class,
            e -> assertThat(e.getErrorMessage()).isEqualTo("maxTimeMS must be a number"));
  }

  private MongoCollection<Document> collection() {
    return client().getDatabase("test").getCollection("items");
  }

  private static void assertTimesOut(Runnable operation) {
    assertThatThrownBy(operation::run).isInstanceOfSatisfying(MongoExecutionTimeoutException.class, e -> {
      assertThat(e.getCode()).isEqualTo(50);
      assertThat(e.getMessage()).contains("operation exceeded time limit");
    });
  }
}
