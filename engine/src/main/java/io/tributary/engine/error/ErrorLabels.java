package io.tributary.engine.error;

/** The error labels MongoDB attaches to replies; drivers decide on retries and resumes from them. */
public final class ErrorLabels {
  public static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";
  public static final String TRANSIENT_TRANSACTION_ERROR = "TransientTransactionError";
  public static final String UNKNOWN_TRANSACTION_COMMIT_RESULT = "UnknownTransactionCommitResult";
  public static final String RESUMABLE_CHANGE_STREAM_ERROR = "ResumableChangeStreamError";
  public static final String NON_RESUMABLE_CHANGE_STREAM_ERROR = "NonResumableChangeStreamError";

  private ErrorLabels() {}
}
