package io.tributary.cli;

import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * How a change-stream consumer classifies a failure the driver gave up on (it already resumes once by itself):
 * resume from the saved token, stop because the token's history is gone, or stop on any other error.
 */
final class ChangeStreamFailures {
  /** {@code ChangeStreamHistoryLost}: the oplog no longer holds the resume point. */
  static final int CHANGE_STREAM_HISTORY_LOST = 286;

  private ChangeStreamFailures() {}

  static boolean historyLost(MongoException e) {
    return e.getCode() == CHANGE_STREAM_HISTORY_LOST;
  }

  /**
   * Network errors, server selection timeouts, a node stepping down or recovering, a lost cursor, and anything
   * the server labels {@code ResumableChangeStreamError} (spec: change-streams.md#resumable-error).
   */
  static boolean resumable(MongoException e) {
    return e instanceof MongoSocketException
        || e instanceof MongoTimeoutException
        || e instanceof MongoNotPrimaryException
        || e instanceof MongoNodeIsRecoveringException
        || e instanceof MongoCursorNotFoundException
        || e.hasErrorLabel("ResumableChangeStreamError");
  }
}
