package io.tributary.conformance.unified;

/**
 * Preparing a test (dropping databases, loading {@code initialData}) failed, so the test itself was
 * never evaluated. A {@code valid-fail} test that ends this way proves nothing about the runner.
 */
public final class SetupFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SetupFailed(RuntimeException cause) {
    super("test setup failed: " + cause.getMessage(), cause);
  }
}
