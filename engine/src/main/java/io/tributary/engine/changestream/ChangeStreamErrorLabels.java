package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import java.util.Set;

/**
 * The change-stream error labels a server with wire version 9 or later adds to errors of {@code aggregate} and
 * {@code getMore} on change streams. Stateless and thread-safe.
 *
 * <p>spec: reference §1.9. {@code ResumableChangeStreamError} goes on the retriable, network and retargeting codes
 * plus RetryChangeStream and FailedToSatisfyReadPreference; {@code NonResumableChangeStreamError} on
 * ChangeStreamFatalError and ChangeStreamHistoryLost. Errors injected by {@code failCommand} must not pass through
 * here: they carry only the labels the fail point names.
 */
public final class ChangeStreamErrorLabels {
  private static final Set<Integer> RESUMABLE = Set.of(6, 7, 89, 91, 133, 150, 189, 234, 262, 9001, 10107, 11600,
      11602, 13388, 13435, 13436);
  private static final Set<Integer> NON_RESUMABLE = Set.of(280, 286);

  private ChangeStreamErrorLabels() {}

  /** Adds the label {@code error}'s code calls for, if any, and returns it. */
  public static MongoError label(MongoError error) {
    int code = error.code().code();
    if (RESUMABLE.contains(code)) {
      error.withLabel(ErrorLabels.RESUMABLE_CHANGE_STREAM_ERROR);
    } else if (NON_RESUMABLE.contains(code)) {
      error.withLabel(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
    }
    return error;
  }
}
