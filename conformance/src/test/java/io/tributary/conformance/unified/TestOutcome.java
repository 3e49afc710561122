package io.tributary.conformance.unified;

/**
 * How one spec test ended in a run. Immutable.
 *
 * @param detail the skip reason, or the first line of the failure; empty for a pass, except a pass
 *     on retry, which keeps its first failure
 */
public record TestOutcome(SpecTest test, Status status, String detail) {

  /** The three results the report counts. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /**
   * A one-line, bounded description of a failure for the report, without the server address and
   * full response the driver appends (they change from run to run).
   */
  static String describe(Throwable failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    String firstLine = message.lines().findFirst().orElse("").replace('|', '/')
        .replaceAll(" on server [^ ]+:\\d+\\.?", "").replaceAll(" The full response is .*", "")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "<server>");
    return firstLine.length() > 240 ? firstLine.substring(0, 240) + "…" : firstLine;
  }
}
