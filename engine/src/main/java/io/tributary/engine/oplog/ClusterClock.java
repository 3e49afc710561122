package io.tributary.engine.oplog;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonTimestamp;

/**
 * The node's logical clock: hands out strictly increasing cluster times ({@code Timestamp(seconds, increment)})
 * whose seconds follow the injected wall {@link Clock}, and remembers the latest one handed out.
 *
 * <p>{@link #tick()} is for the commit sequencer: each call returns a time later than every earlier result, even
 * when the wall clock stands still or goes backwards (the increment grows instead). {@link #now()} is what replies
 * report as {@code operationTime} and {@code $clusterTime}. Before the first tick it is {@code Timestamp(start, 0)},
 * which is earlier than any time {@code tick} can return. Thread-safe and lock-free.
 */
public final class ClusterClock {
  private final Clock clock;
  // A BsonTimestamp's value: seconds in the high 32 bits, increment in the low 32 bits; compares as unsigned.
  private final AtomicLong latest;

  public ClusterClock(Clock clock) {
    this.clock = clock;
    this.latest = new AtomicLong(new BsonTimestamp(wallSeconds(), 0).getValue());
  }

  /** The latest cluster time handed out by {@link #tick()} (or the start time before any). */
  public BsonTimestamp now() {
    return new BsonTimestamp(latest.get());
  }

  /** The next cluster time: strictly later than every earlier result of {@code tick} and {@code now}. */
  public BsonTimestamp tick() {
    return new BsonTimestamp(latest.updateAndGet(this::next));
  }

  /**
   * Moves the clock forward to at least {@code time} (for example the last oplog entry found at startup), so
   * later ticks stay after it. Never moves the clock backwards.
   */
  public void advanceTo(BsonTimestamp time) {
    latest.accumulateAndGet(time.getValue(), (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
  }

  private long next(long previous) {
    BsonTimestamp last = new BsonTimestamp(previous);
    int seconds = wallSeconds();
    if (Integer.compareUnsigned(seconds, last.getTime()) > 0) {
      return new BsonTimestamp(seconds, 1).getValue();
    }
    if (last.getInc() == -1) {
      // Increment exhausted within one second: borrow the next second rather than wrap.
      return new BsonTimestamp(last.getTime() + 1, 1).getValue();
    }
    return new BsonTimestamp(last.getTime(), last.getInc() + 1).getValue();
  }

  private int wallSeconds() {
    return (int) (clock.millis() / 1000);
  }
}
