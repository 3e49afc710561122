package io.tributary.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/** Runs an operation from several threads for a while and counts completions. */
final class Load {
  private Load() {}

  /** One unit of work; {@code thread} and {@code i} let the operation pick distinct keys. */
  @FunctionalInterface
  interface Operation {
    /** Performs one unit and returns how many items it handled (1, or a batch's size). */
    int run(int thread, long i) throws Exception;
  }

  /** Items per second over {@code measure}, after {@code warmup} of the same work. */
  static double throughput(int threads, Duration warmup, Duration measure, Operation operation) {
    LongAdder done = new LongAdder();
    CountDownLatch finished = new CountDownLatch(threads);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          for (long i = 0; ; i++) {
            long now = System.nanoTime();
            if (now >= end) {
              break;
            }
            int n = operation.run(thread, i);
            if (now >= measureFrom) {
              done.add(n);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          finished.countDown();
        }
      }, "bench-load-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return done.sum() / (measure.toNanos() / 1e9);
  }
}
