package io.tributary.benchmarks;

/**
 * One line of the report: a figure measured on Tributary beside a baseline measured in the same run.
 *
 * @param name what was measured
 * @param value Tributary's value
 * @param unit the unit of both values
 * @param baseline what the baseline is (the peer server, raw RocksDB, a Netty echo, ...)
 * @param baselineValue the baseline's value, NaN when the row has no baseline
 * @param higherIsBetter whether a larger value is better (throughput) or worse (latency, memory)
 */
record Figure(String name, double value, String unit, String baseline, double baselineValue,
    boolean higherIsBetter) {

  static Figure throughput(String name, double value, String baseline, double baselineValue) {
    return new Figure(name, value, "ops/s", baseline, baselineValue, true);
  }

  static Figure latency(String name, double micros, String baseline, double baselineMicros) {
    return new Figure(name, micros, "µs", baseline, baselineMicros, false);
  }

  /** How many times better than the baseline Tributary is (above 1 is better), NaN without a baseline. */
  double advantage() {
    if (Double.isNaN(baselineValue) || baselineValue == 0 || value == 0) {
      return Double.NaN;
    }
    return higherIsBetter ? value / baselineValue : baselineValue / value;
  }
}
