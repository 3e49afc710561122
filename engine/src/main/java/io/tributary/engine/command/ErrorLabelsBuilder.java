package io.tributary.engine.command;

import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * Decides the labels of an error reply the way mongod's {@code getErrorLabels} does for what Tributary supports:
 * the labels the failure already carries (e.g. {@code ResumableChangeStreamError}) plus
 * {@code RetryableWriteError} when a retryable write (a write command with {@code txnNumber} outside a
 * transaction, or the end of a transaction) fails with a retryable code (spec: retryable-writes.md "Determining Retryable Errors").
 * Stateless.
 */
final class ErrorLabelsBuilder {
  private static final Set<String> RETRYABLE_WRITE_COMMANDS =
      Set.of("insert", "update", "delete", "findAndModify", "findandmodify");
  private static final Set<String> TRANSACTION_END_COMMANDS = Set.of("commitTransaction", "abortTransaction");
  private static final Set<Integer> RETRYABLE_CODES =
      Set.of(6, 7, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

  private ErrorLabelsBuilder() {}

  static Set<String> labels(MongoError error, String commandName, BsonDocument request) {
    Set<String> labels = new LinkedHashSet<>(error.labels());
    if (isRetryableWrite(commandName, request) && RETRYABLE_CODES.contains(error.code().code())) {
      labels.add(ErrorLabels.RETRYABLE_WRITE_ERROR);
    }
    return labels;
  }

  /** Whether a reply's {@code writeConcernError} with this code makes the write retryable. */
  static boolean isRetryableWriteConcernError(String commandName, BsonDocument request, int code) {
    return isRetryableWrite(commandName, request) && RETRYABLE_CODES.contains(code);
  }

  private static boolean isRetryableWrite(String commandName, BsonDocument request) {
    if (!request.containsKey("txnNumber")) {
      return false;
    }
    return TRANSACTION_END_COMMANDS.contains(commandName)
        || (RETRYABLE_WRITE_COMMANDS.contains(commandName) && !request.containsKey("autocommit"));
  }
}
