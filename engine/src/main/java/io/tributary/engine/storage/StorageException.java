package io.tributary.engine.storage;

/**
 * A storage engine failure that is not the caller's fault: an I/O error, a corrupt or incompatible data directory,
 * a data directory in use by another process. The message is meant for the operator.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
