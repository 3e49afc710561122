package io.tributary.engine.failpoint;

import java.util.Optional;
import java.util.function.Predicate;
import org.bson.BsonDocument;

/**
 * One named fail point: its mode, its data and how often it has fired. Thread-safe: evaluation and
 * reconfiguration are atomic with respect to each other, so a {@code {times: 1}} fail point fires exactly once
 * even when many commands race for it.
 */
public final class FailPoint {
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
    boolean fires = mode.fires();
    mode = mode.next();
    if (!fires) {
      return Optional.empty();
    }
    timesEntered++;
    return Optional.of(data);
  }
}
