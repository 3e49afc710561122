package io.tributary.engine.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import io.tributary.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idle cursors time out after ten minutes of the injected clock, unless opened with noCursorTimeout. */
class CursorTimeoutTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).clock(clock).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void idleCursorsAreReapedAndThenNotFound() {
    harness.run("db", "{insert: 'c', documents: [{}, {}, {}]}");
    long id = openCursor("{find: 'c', batchSize: 1}");
    long immortal = openCursor("{find: 'c', batchSize: 1, noCursorTimeout: true}");
    clock.advance(Duration.ofMinutes(9));
    assertThat(engine.cursors().reapIdle()).isZero();
    harness.run("db", getMore(id)); // using a cursor resets its idle time
    clock.advance(Duration.ofMinutes(9));
    assertThat(engine.cursors().reapIdle()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(engine.cursors().reapIdle()).isEqualTo(1);
    assertThatThrownBy(() -> harness.run("db", getMore(id)))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(43));
    assertThat(engine.cursors().contains(immortal)).isTrue();
    engine.cursors().kill(immortal);
  }

  private long openCursor(String find) {
    return harness.run("db", find).getDocument("cursor").getInt64("id").getValue();
  }

  private static BsonDocument getMore(long id) {
    return new BsonDocument("getMore", new BsonInt64(id)).append("collection", new BsonString("c"))
        .append("batchSize", new org.bson.BsonInt32(1));
  }
}
