package io.tributary.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.tributary.engine.testing.ManualClock;
import io.tributary.server.ServerTestSupport;
import io.tributary.server.Tributary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * TTL indexes: a pass of the TTL monitor (run directly after moving the injected clock: no sleeps) deletes the
 * documents whose indexed date, or earliest date of an array, is older than {@code expireAfterSeconds}, leaves
 * non-dates alone, respects a partial filter, and each deletion is a delete event on a change stream, as with
 * mongod's TTL monitor.
 */
class TtlTest extends ServerTestSupport {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder.clock(clock);
  }

  @Test
  void expiredDocumentsAreDeletedThroughTheCommitPath() {
    MongoCollection<Document> coll = client().getDatabase("ttl").getCollection("sessions");
    coll.createIndex(Indexes.ascending("when"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
    Instant now = clock.instant();
    coll.insertMany(List.of(
        new Document("_id", "old").append("when", Date.from(now.minusSeconds(120))),
        new Document("_id", "fresh").append("when", Date.from(now.minusSeconds(30))),
        new Document("_id", "text").append("when", "yesterday"),
        new Document("_id", "array").append("when", List.of(Date.from(now.plusSeconds(600)),
            Date.from(now.minusSeconds(90)))),
        new Document("_id", "missing")));
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = coll.watch().cursor()) {
      assertThat(server().engine().ttlMonitor().runOnce()).isEqualTo(2);
      assertThat(ids(coll)).containsExactlyInAnyOrder("fresh", "text", "missing");
      List<String> deleted = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ChangeStreamDocument<Document> event = stream.next();
        assertThat(event.getOperationType()).isEqualTo(OperationType.DELETE);
        deleted.add(event.getDocumentKey().getString("_id").getValue());
      }
      assertThat(deleted).containsExactlyInAnyOrder("old", "array");
    }
    clock.advance(Duration.ofSeconds(31));
    assertThat(server().engine().ttlMonitor().runOnce()).isEqualTo(1);
    assertThat(ids(coll)).containsExactlyInAnyOrder("text", "missing");
  }

  @Test
  void aPartialTtlIndexExpiresOnlyWhatItIndexes() {
    MongoCollection<Document> coll = client().getDatabase("ttl").getCollection("partial");
    coll.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)
        .partialFilterExpression(new Document("kind", "temp")));
    Date past = Date.from(clock.instant().minusSeconds(5));
    coll.insertMany(List.of(new Document("_id", 1).append("at", past).append("kind", "temp"),
        new Document("_id", 2).append("at", past).append("kind", "keep")));
    assertThat(server().engine().ttlMonitor().runOnce()).isEqualTo(1);
    assertThat(ids(coll)).containsExactly(2);
  }

  private static List<Object> ids(MongoCollection<Document> coll) {
    List<Object> ids = new ArrayList<>();
    coll.find().forEach(d -> ids.add(d.get("_id")));
    return ids;
  }
}
