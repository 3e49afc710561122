package io.tributary.conformance.unified;

/**
 * How one spec test ended in a run. Immutable.
 *
 * @param detail the skip reason, or the first line of the failure; empty for a pass
 */
public record TestOutcome(SpecTest test, Status status, String detail) {

  /** The three results the report counts. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /** A one-line, bounded description of a failure for the report. */
  static String describe(Throwable failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    String firstLine = message.lines().findFirst().orElse("").replace('|', '/');
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
