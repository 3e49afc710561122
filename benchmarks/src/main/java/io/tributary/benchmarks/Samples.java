package io.tributary.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds with percentiles by sorting. Thread-safe for concurrent {@link #add}. */
final class Samples {
  private long[] values;
  private int count;

  Samples(int capacity) {
    values = new long[capacity];
  }

  synchronized void add(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[count++] = nanos;
  }

  /** The samples of both, in a new instance. */
  static Samples union(Samples a, Samples b) {
    Samples union = new Samples(a.count() + b.count() + 1);
    for (Samples from : new Samples[] {a, b}) {
      synchronized (from) {
        for (int i = 0; i < from.count; i++) {
          union.add(from.values[i]);
        }
      }
    }
    return union;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile (0-100) in microseconds; NaN when empty. */
  synchronized double percentileMicros(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100 * count) - 1));
    return sorted[index] / 1000.0;
  }
}
