package io.tributary.conformance.unified;

/**
 * The runner met something in a test file that it does not implement (an operation, argument,
 * entity type or option). Unlike a driver error it is never accepted as an expected error: the
 * test fails, as the unified test format requires.
 */
public final class UnsupportedFeature extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeature(String what) {
    super("unsupported by the runner: " + what);
  }
}
