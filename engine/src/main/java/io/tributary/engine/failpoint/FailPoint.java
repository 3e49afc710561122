package io.tributary.engine.failpoint;

import io.tributary.engine.error.ErrorCode;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bson.BsonDocument;

/**
 * One named fail point: its mode, its data and how often it has fired. Thread-safe: evaluation and
 * reconfiguration are atomic with respect to each other, so a {@code {times: 1}} fail point fires exactly once
 * even when many commands race for it.
 */
public final class FailPoint {
  /** How often a paused thread evaluates the fail point again, as mongod's {@code pauseWhileSet} does. */
  private static final long PAUSE_POLL_MILLIS = 100;
  private final String name;
  /** Volatile so that {@link #isOff} needs no lock: commands ask it on every request. */
  private volatile FailPointMode mode = new FailPointMode.Off();
  private BsonDocument data = new BsonDocument();
  private long timesEntered;

  FailPoint(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Sets mode and data; returns how often the fail point fired before, which mongod reports as {@code count}. */
  public synchronized long configure(FailPointMode mode, BsonDocument data) {
    this.mode = mode;
    this.data = data.clone();
    notifyAll(); // paused threads look again at once
    return timesEntered;
  }

  /** Whether the fail point is off now: an evaluation would not fire. */
  public boolean isOff() {
    return mode instanceof FailPointMode.Off;
  }

  /**
   * Evaluates the fail point for one event. Events that {@code applies} rejects pass without counting (as with
   * mongod's data filters); otherwise the mode decides and its counters run down.
   *
   * @return the fail point's data when it fires
   */
  public synchronized Optional<BsonDocument> evaluate(Predicate<BsonDocument> applies) {
    if (mode instanceof FailPointMode.Off || !applies.test(data)) {
      return Optional.empty();
    }
    return evaluateLocked() ? Optional.of(data) : Optional.empty();
  }

  private boolean evaluateLocked() {
    boolean fires = mode.fires();
    mode = mode.next();
    if (fires) {
      timesEntered++;
    }
    return fires;
  }

  /**
   * Pauses the calling thread while the fail point fires (mongod's {@code pauseWhileSet}): each evaluation that
   * fires counts and waits up to 100 ms or until the fail point is reconfigured, so {@code {times: n}} pauses
   * about n × 100 ms and {@code alwaysOn} until it is turned off. Gives up after {@code timeoutMillis}
   * ({@link Long#MAX_VALUE}: never).
   *
   * @return whether the fail point let the thread go, false when the time ran out first
   */
  public synchronized boolean pauseWhileSet(long timeoutMillis) {
    long start = System.nanoTime();
    while (evaluateLocked()) {
      long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.min(left, PAUSE_POLL_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ErrorCode.INTERRUPTED.error("interrupted while paused by fail point " + name);
      }
    }
    return true;
  }
}
