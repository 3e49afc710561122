package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import java.util.List;
import org.bson.BsonTimestamp;

/**
 * Verifies, when a stream resumes from an event token, that the event is still in the oplog, and drops the events
 * up to and including it. Not thread-safe: owned by one cursor.
 *
 * <p>spec: reference §1.10 case 2 and §1.11. The scan starts at the token's cluster time; the first entry at or
 * after it must yield an event whose token equals the one resumed from (ChangeStreamFatalError 280 otherwise).
 * {@code startAfter} an invalidate token matches the invalidate itself, so the new stream starts past it;
 * {@code resumeAfter} the triggering event replays the invalidate. A fragment token of a split event resumes
 * inside that event: its fragments up to the token are skipped.
 */
final class ResumeCheck {
  private ResumeToken awaited;
  private ResumeToken skipFragmentsThrough;

  /** @param token the event token to find, or null (nothing to verify: a high-water mark or a time) */
  ResumeCheck(ResumeToken token) {
    this.awaited = token == null || token.isHighWaterMark() ? null : token;
  }

  /** Whether the token's event is still to be found (so the entries from its time on must be read). */
  boolean pending() {
    return awaited != null;
  }

  /** The events of the entry at {@code clusterTime} that the stream delivers. */
  List<ChangeEvent> admit(BsonTimestamp clusterTime, List<ChangeEvent> events) {
    if (awaited == null) {
      return events;
    }
    int order = clusterTime.compareTo(awaited.clusterTime());
    if (order < 0) {
      return List.of();
    }
    for (int i = 0; order == 0 && i < events.size(); i++) {
      ResumeToken token = events.get(i).token();
      if (token.equals(awaited)) {
        awaited = null;
        return events.subList(i + 1, events.size());
      }
      if (awaited.isFragmentOf(token)) {
        skipFragmentsThrough = awaited;
        awaited = null;
        return events.subList(i, events.size());
      }
    }
    throw ErrorCode.CHANGE_STREAM_FATAL_ERROR.error("cannot resume stream; the resume token was not found. "
        + awaited).withLabel(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
  }

  /** Whether an output of the resumed split event was already delivered before the resume. */
  boolean delivered(StreamOutput output) {
    if (skipFragmentsThrough == null) {
      return false;
    }
    if (output.token().compareTo(skipFragmentsThrough) <= 0) {
      return true;
    }
    skipFragmentsThrough = null;
    return false;
  }
}
