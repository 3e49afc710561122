package io.tributary.engine.command;

/**
 * Thrown (or completed exceptionally) by a command whose connection must be closed without a reply, as mongod's
 * {@code onPrimaryTransactionalWrite} fail point does after a retryable write: the dispatcher answers with
 * {@link CommandResponse#close()}.
 */
public final class CloseConnection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CloseConnection(String reason) {
    super(reason, null, false, false);
  }
}
