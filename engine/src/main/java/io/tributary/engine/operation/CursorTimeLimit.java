package io.tributary.engine.operation;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What is left of a cursor's {@code maxTimeMS} between {@code getMore}s. mongod saves the time its opening
 * command left on the cursor and runs each {@code getMore} under a deadline of that leftover, so the limit caps
 * the server time of the whole cursor, not the time the client spends between batches.
 *
 * <p>Not thread-safe: the cursor registry lets one command use a cursor at a time.
 */
public final class CursorTimeLimit {
  private final Clock clock;
  private final BooleanSupplier alwaysTimeOut;
  private long remainingMillis;

  /**
   * @param remainingMillis the time the opening command left
   * @param alwaysTimeOut evaluates the {@code maxTimeAlwaysTimeOut} fail point once per {@code getMore}
   */
  public CursorTimeLimit(Clock clock, BooleanSupplier alwaysTimeOut, long remainingMillis) {
    this.clock = clock;
    this.alwaysTimeOut = alwaysTimeOut;
    this.remainingMillis = remainingMillis;
  }

  /**
   * Runs one {@code getMore}'s work under a deadline of the time left, then keeps what it left; fails with
   * {@code MaxTimeMSExpired} (50) when none is left.
   */
  public <T> T run(Supplier<T> work) {
    if (remainingMillis <= 0 || alwaysTimeOut.getAsBoolean()) {
      throw OperationDeadline.expiredError();
    }
    OperationDeadline deadline = OperationDeadline.after(clock, remainingMillis);
    try {
      return deadline.run(work);
    } finally {
      remainingMillis = deadline.remaining();
    }
  }
}
