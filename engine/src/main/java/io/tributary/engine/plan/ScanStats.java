package io.tributary.engine.plan;

import io.tributary.engine.operation.OperationDeadline;

/**
 * What a plan's execution examined, for {@code executionStats}: index keys read and documents fetched. Every
 * {@link OperationDeadline#CHECK_INTERVAL} of them it checks the running operation's deadline ({@code maxTimeMS}),
 * so every scan is interruptible without a clock read per document. Not thread-safe: one execution fills it.
 */
public final class ScanStats {
  private long keysExamined;
  private long docsExamined;

  void keyExamined() {
    if ((++keysExamined & (OperationDeadline.CHECK_INTERVAL - 1)) == 0) {
      OperationDeadline.checkForInterrupt();
    }
  }

  void docExamined() {
    if ((++docsExamined & (OperationDeadline.CHECK_INTERVAL - 1)) == 0) {
      OperationDeadline.checkForInterrupt();
    }
  }

  public long keysExamined() {
    return keysExamined;
  }

  public long docsExamined() {
    return docsExamined;
  }
}
