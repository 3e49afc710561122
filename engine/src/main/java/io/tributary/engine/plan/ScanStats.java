package io.tributary.engine.plan;

/**
 * What a plan's execution examined, for {@code executionStats}: index keys read and documents fetched. Not
 * thread-safe: one execution fills it.
 */
public final class ScanStats {
  private long keysExamined;
  private long docsExamined;

  void keyExamined() {
    keysExamined++;
  }

  void docExamined() {
    docsExamined++;
  }

  public long keysExamined() {
    return keysExamined;
  }

  public long docsExamined() {
    return docsExamined;
  }
}
