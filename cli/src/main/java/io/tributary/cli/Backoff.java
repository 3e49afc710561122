package io.tributary.cli;

import java.time.Duration;

/**
 * Exponential backoff between reconnection attempts: {@code initial}, doubling per attempt, capped at
 * {@code maximum}. Immutable.
 */
record Backoff(Duration initial, Duration maximum) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

  Backoff {
    if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= maximum");
    }
  }

  /** The wait before attempt {@code attempt} (1 for the first retry). */
  Duration delay(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(maximum) > 0 ? maximum : delay;
  }
}
