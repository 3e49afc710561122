package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.operation.OperationDeadline;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import io.tributary.engine.testing.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits for the write permit a transaction holds end at the running operation's {@code maxTimeMS}. */
class WriterDeadlineTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).clock(clock).build();
  private WriteUnit transaction;

  @BeforeEach
  void holdThePermit() {
    transaction = engine.writer().begin(0);
  }

  @AfterEach
  void release() {
    engine.writer().abort(transaction);
    engine.close();
  }

  @Test
  void aWritePastItsDeadlineDoesNotWait() {
    assertThatThrownBy(() -> OperationDeadline.alwaysExpired(clock).run(() -> engine.writer().exclusively(() -> 1)))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(50));
  }

  @Test
  void aWriteWaitsForThePermitOnlyUntilItsDeadline() {
    assertThatThrownBy(() -> OperationDeadline.after(clock, 20).run(() -> engine.writer().exclusively(() -> 1)))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(50));
  }

  @Test
  void aTransactionWhoseDeadlineComesFirstExpiresRatherThanConflicts() {
    assertThatThrownBy(() -> OperationDeadline.after(clock, 20).run(() -> engine.writer().begin(60_000)))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(50);
          assertThat(e.labels()).doesNotContain(ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
        });
    assertThatThrownBy(() -> OperationDeadline.after(clock, 60_000).run(() -> engine.writer().begin(20)))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().codeName()).isEqualTo("WriteConflict");
          assertThat(e.labels()).contains(ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
        });
  }
}
