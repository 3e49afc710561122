package io.tributary.engine.changestream;

import java.util.function.Supplier;
import org.bson.BsonTimestamp;

/**
 * What the newest oplog entries became for one stream shape, remembered by cluster time: the notifier computes an
 * entry once per shape and the streams it wakes read it back moments later. Thread-safe.
 *
 * <p>Implementation notes. A direct-mapped table: consecutive entries (consecutive increments within a second) land
 * in consecutive slots, so the last {@value #SLOTS} entries are usually all present; a collision only costs a
 * recomputation, whose result is equal. The table is allocated on first use, so a shape nobody reads costs nothing.
 *
 * @param <V> what an entry became
 */
final class RecentEntries<V> {
  private static final int SLOTS = 128; // a power of two, twice the notifier's chunk

  private BsonTimestamp[] times; // guarded by this
  private Object[] values; // guarded by this

  /** The value remembered for the entry at {@code time}, else computed by {@code compute} (outside the lock). */
  V computeIfAbsent(BsonTimestamp time, Supplier<V> compute) {
    int slot = slot(time);
    synchronized (this) {
      if (times != null && time.equals(times[slot])) {
        @SuppressWarnings("unchecked")
        V known = (V) values[slot];
        return known;
      }
    }
    // Two threads may race to compute the same entry; both results are equal and either may stay.
    V computed = compute.get();
    synchronized (this) {
      if (times == null) {
        times = new BsonTimestamp[SLOTS];
        values = new Object[SLOTS];
      }
      times[slot] = time;
      values[slot] = computed;
    }
    return computed;
  }

  private static int slot(BsonTimestamp time) {
    return (time.getTime() + time.getInc()) & (SLOTS - 1);
  }
}
