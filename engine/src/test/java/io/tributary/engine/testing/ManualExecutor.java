package io.tributary.engine.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An executor whose tasks run only when a test runs them, on the test's thread: the engine's worker in tests that
 * must know what ran when (a commit's wake-up, a getMore's deadline) without sleeping. Thread-safe: any thread may
 * submit.
 */
public final class ManualExecutor implements Executor {
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** Runs the queued tasks, and those they queue, until none is left; returns how many ran. */
  public int runAll() {
    int ran = 0;
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
      ran++;
    }
    return ran;
  }

  /**
   * Waits for a task another thread submits (a timer's) and runs it. {@code patience} only keeps a broken test from
   * hanging: it fails with {@link AssertionError} when nothing came.
   */
  public void runNext(Duration patience) throws InterruptedException {
    Runnable task = tasks.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    if (task == null) {
      throw new AssertionError("no task was submitted within " + patience);
    }
    task.run();
  }

  public int queued() {
    return tasks.size();
  }
}
