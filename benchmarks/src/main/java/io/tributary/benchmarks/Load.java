package io.tributary.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Runs an operation from several threads for a while and counts completions and the CPU they took. */
final class Load {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Load() {}

  /** One unit of work; {@code thread} and {@code i} let the operation pick distinct keys. */
  @FunctionalInterface
  interface Operation {
    /** Performs one unit and returns how many items it handled (1, or a batch's size). */
    int run(int thread, long i) throws Exception;
  }

  /**
   * What one measured window did: items per second, and per item the CPU of the calling (client) threads and of
   * the rest of the process. With the server in this JVM, the rest is the server's CPU (plus the JVM's own
   * compiler and collector threads): the client's CPU per call bounds a one-client rate whatever the server does.
   */
  record Run(double itemsPerSecond, double clientMicrosPerItem, double restMicrosPerItem) {}

  /** Items per second over {@code measure}, after {@code warmup} of the same work. */
  static double throughput(int threads, Duration warmup, Duration measure, Operation operation) {
    return run(threads, warmup, measure, operation).itemsPerSecond();
  }

  /** Runs {@code operation} from {@code threads} threads: {@code warmup}, then {@code measure} measured. */
  static Run run(int threads, Duration warmup, Duration measure, Operation operation) {
    LongAdder done = new LongAdder();
    LongAdder clientCpu = new LongAdder();
    CountDownLatch finished = new CountDownLatch(threads);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          work(thread, operation, measureFrom, end, done, clientCpu);
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
      TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
      long processFrom = PROCESS.getProcessCpuTime();
      finished.await();
      long process = PROCESS.getProcessCpuTime() - processFrom;
      double items = Math.max(1, done.sum());
      return new Run(done.sum() / (measure.toNanos() / 1e9), clientCpu.sum() / 1e3 / items,
          (process - clientCpu.sum()) / 1e3 / items);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void work(int thread, Operation operation, long measureFrom, long end, LongAdder done,
      LongAdder clientCpu) throws Exception {
    long cpuFrom = -1;
    for (long i = 0; ; i++) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      if (cpuFrom < 0 && now >= measureFrom) {
        cpuFrom = THREADS.getCurrentThreadCpuTime();
      }
      int n = operation.run(thread, i);
      if (now >= measureFrom) {
        done.add(n);
      }
    }
    if (cpuFrom >= 0) {
      clientCpu.add(THREADS.getCurrentThreadCpuTime() - cpuFrom);
    }
  }
}
