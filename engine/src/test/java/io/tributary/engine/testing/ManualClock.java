package io.tributary.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UTC clock that only moves when a test moves it — by {@link #advance}, or by a step on every read
 * ({@link #stepOnEveryRead}, for work that must see time pass while it runs) — so expiry, retention and timeouts are
 * tested without sleeping. Millisecond resolution, like the engine's wall times. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicLong millis;
  private final AtomicLong stepMillis = new AtomicLong();

  public ManualClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  /** From now on, every read moves the clock forward by {@code step} first ({@link Duration#ZERO}: no longer). */
  public void stepOnEveryRead(Duration step) {
    stepMillis.set(step.toMillis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return millis.addAndGet(stepMillis.get());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
