package io.tributary.engine.changestream;

import java.util.function.Supplier;
import org.bson.BsonTimestamp;

/**
 * What the newest oplog entries became for one stream shape, remembered by cluster time: the notifier computes an
 * entry once per shape and the streams of that shape read it back, moments or (when they trail) a few thousand
 * entries later. Thread-safe.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>A direct-mapped table: consecutive entries (consecutive increments within a second) land in consecutive
 *       slots, so the last {@code slots} entries are usually all present; a collision only costs a recomputation,
 *       whose result is equal.</li>
 *   <li>The table starts small ({@value #INITIAL_SLOTS}) and is allocated on first use, so a shape nobody reads
 *       costs nothing. It doubles, up to {@value #MAX_SLOTS}, whenever a lookup finds its slot taken by a newer
 *       entry: a stream of this shape trails the others by more than the table holds, and without the table it
 *       would compute every entry again (and fall further behind).</li>
 *   <li>The latest computation takes the slot, even for an older entry: streams of one shape move through the
 *       oplog together (the notifier at the head, trailing streams within a batch of each other), and those
 *       computing now are the ones about to read it again; the head's entry costs one recomputation if it was
 *       taken. (Keeping the newer entry made every trailing stream of a shape recompute every entry: 10 trailing
 *       probes, 10 times the work, and they fell further behind.)</li>
 * </ul>
 *
 * @param <V> what an entry became
 */
final class RecentEntries<V> {
  private static final int INITIAL_SLOTS = 128; // powers of two; twice the notifier's chunk
  private static final int MAX_SLOTS = 4096;

  private BsonTimestamp[] times; // guarded by this
  private Object[] values; // guarded by this

  /** The value remembered for the entry at {@code time}, else computed by {@code compute} (outside the lock). */
  V computeIfAbsent(BsonTimestamp time, Supplier<V> compute) {
    synchronized (this) {
      if (times != null) {
        int slot = slot(time, times.length);
        if (time.equals(times[slot])) {
          @SuppressWarnings("unchecked")
          V known = (V) values[slot];
          return known;
        }
        if (times[slot] != null && times[slot].compareTo(time) > 0 && times.length < MAX_SLOTS) {
          resize(times.length * 2);
        }
      }
    }
    // Two threads may race to compute the same entry; both results are equal and either may stay.
    V computed = compute.get();
    synchronized (this) {
      if (times == null) {
        resize(INITIAL_SLOTS);
      }
      put(time, computed);
    }
    return computed;
  }

  /** Slots in use; for tests. */
  synchronized int capacity() {
    return times == null ? 0 : times.length;
  }

  private void put(BsonTimestamp time, Object value) {
    int slot = slot(time, times.length);
    times[slot] = time;
    values[slot] = value;
  }

  private void resize(int slots) {
    BsonTimestamp[] oldTimes = times;
    Object[] oldValues = values;
    times = new BsonTimestamp[slots];
    values = new Object[slots];
    for (int i = 0; oldTimes != null && i < oldTimes.length; i++) {
      if (oldTimes[i] != null) {
        put(oldTimes[i], oldValues[i]);
      }
    }
  }

  private static int slot(BsonTimestamp time, int slots) {
    return (time.getTime() + time.getInc()) & (slots - 1);
  }
}
