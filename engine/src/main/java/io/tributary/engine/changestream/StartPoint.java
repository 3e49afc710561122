package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.Oplog;
import org.bson.BsonTimestamp;

/**
 * Where a new stream starts reading. Immutable.
 *
 * <p>spec: reference §1.2 and §1.10. With no start option a stream starts at the newest visible time plus one tick;
 * {@code startAtOperationTime} is inclusive; a token resumes strictly after the event it names (a high-water mark
 * at T: at T, inclusive). A start before the oldest retained entry fails with ChangeStreamHistoryLost (286).
 *
 * @param token the event token whose presence must be verified, or null
 * @param scanAfter the cursor reads entries strictly after this time
 * @param initialToken the first postBatchResumeToken
 */
record StartPoint(ResumeToken token, BsonTimestamp scanAfter, ResumeToken initialToken) {

  static StartPoint of(ChangeStreamSpec spec, Oplog oplog) {
    ResumeToken token = spec.resumeToken();
    if (token != null) {
      checkRetained(token.clusterTime(), oplog);
      return new StartPoint(token, previousTick(token.clusterTime()), token);
    }
    if (spec.startAtOperationTime() != null) {
      BsonTimestamp start = spec.startAtOperationTime();
      checkRetained(start, oplog);
      return new StartPoint(null, previousTick(start), ResumeToken.highWaterMark(start));
    }
    BsonTimestamp latest = oplog.lastVisible();
    return new StartPoint(null, latest, ResumeToken.highWaterMark(new BsonTimestamp(latest.getValue() + 1)));
  }

  private static void checkRetained(BsonTimestamp start, Oplog oplog) {
    BsonTimestamp oldest = oplog.oldestRetained();
    // A stream opened on an empty oplog starts in second 0, before any entry could have been written or lost.
    if (oldest != null && start.compareTo(oldest) < 0 && start.getTime() != 0) {
      throw historyLost();
    }
  }

  static MongoError historyLost() {
    return ErrorCode.CHANGE_STREAM_HISTORY_LOST.error("Resume of change stream was not possible, as the resume"
        + " point may no longer be in the oplog.").withLabel(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
  }

  /** Timestamps are ordered as one unsigned 64-bit value: seconds, then increment. */
  private static BsonTimestamp previousTick(BsonTimestamp time) {
    return new BsonTimestamp(time.getValue() - 1);
  }
}
