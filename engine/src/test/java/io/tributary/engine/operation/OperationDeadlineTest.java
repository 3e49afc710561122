package io.tributary.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import io.tributary.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperationDeadlineTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void withoutADeadlineNothingExpires() {
    assertThatCode(OperationDeadline::checkForInterrupt).doesNotThrowAnyException();
    assertThat(OperationDeadline.remainingMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void expiresOnceTheInjectedClockPassesTheLimit() {
    OperationDeadline deadline = OperationDeadline.after(clock, 100);
    deadline.run(() -> {
      clock.advance(Duration.ofMillis(99));
      assertThat(OperationDeadline.remainingMillis()).isEqualTo(1);
      OperationDeadline.checkForInterrupt();
      clock.advance(Duration.ofMillis(1));
      assertExpired(OperationDeadline::checkForInterrupt);
      assertExpired(OperationDeadline::remainingMillis);
      return null;
    });
  }

  @Test
  void isInstalledOnlyWhileItsWorkRuns() {
    OperationDeadline.alwaysExpired(clock).run(() -> {
      assertExpired(OperationDeadline::checkForInterrupt);
      return null;
    });
    assertThatCode(OperationDeadline::checkForInterrupt).doesNotThrowAnyException();
  }

  @Test
  void anInnerDeadlineRestoresTheOuterOne() {
    OperationDeadline outer = OperationDeadline.alwaysExpired(clock);
    outer.run(() -> {
      OperationDeadline.after(clock, 1000).run(() -> {
        OperationDeadline.checkForInterrupt();
        return null;
      });
      assertExpired(OperationDeadline::checkForInterrupt);
      return null;
    });
  }

  private static void assertExpired(Runnable check) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(MongoError.class, e -> {
      assertThat(e.code().code()).isEqualTo(50);
      assertThat(e.code().codeName()).isEqualTo("MaxTimeMSExpired");
      assertThat(e.getMessage()).isEqualTo("operation exceeded time limit");
    });
  }
}
