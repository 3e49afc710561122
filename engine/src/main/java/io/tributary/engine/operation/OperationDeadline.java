package io.tributary.engine.operation;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time limit of the operation running on the current thread: a command's {@code maxTimeMS}, measured on the
 * engine's injected {@link Clock}. mongod's {@code OperationContext} deadline and {@code checkForInterrupt}.
 *
 * <p>Implementation notes. The dispatcher installs a deadline around the synchronous part of a command
 * ({@link #run}); deep code that may run long (scans, update and delete loops, waits for the write permit) asks
 * {@link #checkForInterrupt()} or {@link #remainingMillis()} without the deadline being passed down through every
 * layer, as mongod's operation context reaches every interrupt point. A scan asks once per
 * {@link #CHECK_INTERVAL} documents so the hot paths read no clock per document. Work a command leaves for later
 * (a waiting cursor's future) runs without a deadline installed. The {@code maxTimeAlwaysTimeOut} fail point
 * makes a deadline expired from the start ({@link #alwaysExpired}).
 *
 * <p>Immutable; the installation is per thread.
 */
public final class OperationDeadline {
  /** How many documents or keys a scan examines between two checks: a power of two, for a mask test. */
  public static final int CHECK_INTERVAL = 1024;
  private static final ThreadLocal<OperationDeadline> CURRENT = new ThreadLocal<>();

  private final Clock clock;
  private final long deadlineMillis;

  private OperationDeadline(Clock clock, long deadlineMillis) {
    this.clock = clock;
    this.deadlineMillis = deadlineMillis;
  }

  /** The deadline {@code maxTimeMillis} (positive) after now on {@code clock}. */
  public static OperationDeadline after(Clock clock, long maxTimeMillis) {
    if (maxTimeMillis <= 0) {
      throw new IllegalArgumentException("maxTimeMillis must be positive: " + maxTimeMillis);
    }
    long now = clock.millis();
    return new OperationDeadline(clock, maxTimeMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxTimeMillis);
  }

  /** A deadline that has already passed, as the {@code maxTimeAlwaysTimeOut} fail point makes every deadline. */
  public static OperationDeadline alwaysExpired(Clock clock) {
    return new OperationDeadline(clock, Long.MIN_VALUE);
  }

  /** The error of an operation past its deadline, as mongod words it. */
  public static MongoError expiredError() {
    return ErrorCode.MAX_TIME_MS_EXPIRED.error("operation exceeded time limit");
  }

  /** Runs {@code work} with this deadline installed on the current thread, then restores the previous one. */
  public <T> T run(Supplier<T> work) {
    OperationDeadline previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      CURRENT.set(previous);
    }
  }

  /** Milliseconds left, zero or less once expired. */
  public long remaining() {
    return deadlineMillis == Long.MIN_VALUE ? 0 : deadlineMillis - clock.millis();
  }

  /** Fails with {@code MaxTimeMSExpired} (50) if this deadline has passed. */
  public void check() {
    if (remaining() <= 0) {
      throw expiredError();
    }
  }

  /** The deadline of the operation running on the current thread, if it has one. */
  public static Optional<OperationDeadline> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Fails with {@code MaxTimeMSExpired} (50) if the current thread's operation has passed its deadline. */
  public static void checkForInterrupt() {
    OperationDeadline current = CURRENT.get();
    if (current != null) {
      current.check();
    }
  }

  /**
   * Milliseconds the current thread's operation may still wait, {@link Long#MAX_VALUE} without a deadline; fails
   * with {@code MaxTimeMSExpired} (50) when none are left, so a wait is never entered past the deadline.
   */
  public static long remainingMillis() {
    OperationDeadline current = CURRENT.get();
    if (current == null) {
      return Long.MAX_VALUE;
    }
    long remaining = current.remaining();
    if (remaining <= 0) {
      throw expiredError();
    }
    return remaining;
  }
}
