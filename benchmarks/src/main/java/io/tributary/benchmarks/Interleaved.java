package io.tributary.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * Measures one operation against two servers in alternating time slices, so that swings of the shared machine's
 * load hit both alike, and reports each side's median slice.
 *
 * <p>Warm-up alternates slices too and lasts until each side has made {@link Plan#warmupCalls()} calls and both
 * sides' throughput is steady (two consecutive slices within {@link #STEADY}), or until {@link Plan#maxWarmup()}:
 * the server code on either side must be JIT-compiled before measurement starts (a time alone is not enough on a
 * loaded machine, where a second may be a few hundred calls), and both sides get the same treatment. Measured
 * slices run in ABBA order so neither side always goes first. Not thread-safe; one measurement at a time.
 */
final class Interleaved {
  /** Largest relative change between two consecutive warm-up slices that counts as steady. */
  static final double STEADY = 0.10;

  private Interleaved() {}

  /** Slice length, warm-up bounds (per side) and measured slices per side. */
  record Plan(Duration slice, long warmupCalls, Duration maxWarmup, int slices) {}

  /** Each side's median slice: items per second, and CPU per item of the client thread and of the rest. */
  record Pair(Load.Run first, Load.Run second) {}

  static Pair throughput(Plan plan, Load.Operation first, Load.Operation second) {
    return throughput(plan, 1, first, second, () -> {});
  }

  /** As {@link #throughput(Plan, Load.Operation, Load.Operation)}, each side driven by {@code threads} callers. */
  static Pair throughput(Plan plan, int threads, Load.Operation first, Load.Operation second) {
    return throughput(plan, threads, first, second, () -> {});
  }

  /**
   * As {@link #throughput(Plan, Load.Operation, Load.Operation)}, running {@code betweenSlices} after every slice,
   * outside the timed part (e.g. to drop what the slices inserted, so a long warm-up cannot fill the heap).
   */
  static Pair throughput(Plan plan, Load.Operation first, Load.Operation second, Runnable betweenSlices) {
    return throughput(plan, 1, first, second, betweenSlices);
  }

  private static Pair throughput(Plan plan, int threads, Load.Operation first, Load.Operation second,
      Runnable betweenSlices) {
    warmUp(plan, threads, first, second, betweenSlices);
    Load.Run[] a = new Load.Run[plan.slices()];
    Load.Run[] b = new Load.Run[plan.slices()];
    for (int s = 0; s < plan.slices(); s++) {
      if (s % 2 == 0) {
        a[s] = slice(plan, threads, first, betweenSlices);
        b[s] = slice(plan, threads, second, betweenSlices);
      } else {
        b[s] = slice(plan, threads, second, betweenSlices);
        a[s] = slice(plan, threads, first, betweenSlices);
      }
    }
    return new Pair(median(a), median(b));
  }

  private static void warmUp(Plan plan, int threads, Load.Operation first, Load.Operation second,
      Runnable betweenSlices) {
    LongAdder callsA = new LongAdder();
    LongAdder callsB = new LongAdder();
    Load.Operation a = (thread, i) -> {
      callsA.increment();
      return first.run(thread, i);
    };
    Load.Operation b = (thread, i) -> {
      callsB.increment();
      return second.run(thread, i);
    };
    double lastA = 0;
    double lastB = 0;
    for (long spent = 0; spent < plan.maxWarmup().toNanos(); spent += plan.slice().toNanos()) {
      double rateA = slice(plan, threads, a, betweenSlices).itemsPerSecond();
      double rateB = slice(plan, threads, b, betweenSlices).itemsPerSecond();
      boolean enough = callsA.sum() >= plan.warmupCalls() && callsB.sum() >= plan.warmupCalls();
      if (enough && steady(lastA, rateA) && steady(lastB, rateB)) {
        return;
      }
      lastA = rateA;
      lastB = rateB;
    }
  }

  private static boolean steady(double previous, double current) {
    return previous > 0 && Math.abs(current / previous - 1) <= STEADY;
  }

  private static Load.Run slice(Plan plan, int threads, Load.Operation operation, Runnable betweenSlices) {
    Load.Run run = Load.run(threads, Duration.ZERO, plan.slice(), operation);
    betweenSlices.run();
    return run;
  }

  /** The median of each figure over the slices, taken separately. */
  private static Load.Run median(Load.Run[] runs) {
    return new Load.Run(median(runs, Load.Run::itemsPerSecond), median(runs, Load.Run::clientMicrosPerItem),
        median(runs, Load.Run::restMicrosPerItem));
  }

  private static double median(Load.Run[] runs, ToDoubleFunction<Load.Run> figure) {
    double[] sorted = Arrays.stream(runs).mapToDouble(figure).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
