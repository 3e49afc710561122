package io.tributary.conformance.unified;

/**
 * A test file broke the unified test format (an undefined or mistyped entity, a duplicate entity
 * name, a malformed operator, an incompatible schema version). Never accepted as an expected error.
 */
public final class InvalidTestFile extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidTestFile(String message) {
    super(message);
  }
}
