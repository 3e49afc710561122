package io.tributary.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import io.tributary.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTimeLimitTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void eachBatchSpendsFromWhatTheOpeningCommandLeft() {
    CursorTimeLimit limit = new CursorTimeLimit(clock, () -> false, 100);

    limit.run(() -> spend(60));
    clock.advance(Duration.ofHours(1)); // the client's time between batches is not the server's
    assertThat(limit.run(() -> OperationDeadline.remainingMillis())).isEqualTo(40);
    limit.run(() -> spend(40));

    assertThatThrownBy(() -> limit.run(() -> "never")).isInstanceOfSatisfying(MongoError.class,
        e -> assertThat(e.code().code()).isEqualTo(50));
  }

  @Test
  void aBatchThatOverrunsFailsAtItsNextCheck() {
    CursorTimeLimit limit = new CursorTimeLimit(clock, () -> false, 100);

    assertThatThrownBy(() -> limit.run(() -> {
      spend(100);
      OperationDeadline.checkForInterrupt();
      return null;
    })).isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(50));
  }

  @Test
  void theFailPointExpiresEveryBatch() {
    CursorTimeLimit limit = new CursorTimeLimit(clock, () -> true, 100);

    assertThatThrownBy(() -> limit.run(() -> "never")).isInstanceOf(MongoError.class);
  }

  private Object spend(long millis) {
    clock.advance(Duration.ofMillis(millis));
    return null;
  }
}
