package io.tributary.engine.failpoint;

import io.tributary.engine.error.ErrorCode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The node's fail points, configured by {@code configureFailPoint} (a test command) and consulted by the code
 * paths they fail. Only the fail points drivers' test suites use exist; configuring any other fails like mongod
 * does for an unknown name. Thread-safe.
 */
public final class FailPoints {
  public static final String FAIL_COMMAND = "failCommand";
  public static final String FAIL_GET_MORE_AFTER_CURSOR_CHECKOUT = "failGetMoreAfterCursorCheckout";
  public static final String ON_PRIMARY_TRANSACTIONAL_WRITE = "onPrimaryTransactionalWrite";
  public static final String MAX_TIME_ALWAYS_TIME_OUT = "maxTimeAlwaysTimeOut";
  public static final String PAUSE_JOURNAL_FLUSHER_THREAD = "pauseJournalFlusherThread";

  private final Map<String, FailPoint> points = Map.of(
      FAIL_COMMAND, new FailPoint(FAIL_COMMAND),
      FAIL_GET_MORE_AFTER_CURSOR_CHECKOUT, new FailPoint(FAIL_GET_MORE_AFTER_CURSOR_CHECKOUT),
      ON_PRIMARY_TRANSACTIONAL_WRITE, new FailPoint(ON_PRIMARY_TRANSACTIONAL_WRITE),
      MAX_TIME_ALWAYS_TIME_OUT, new FailPoint(MAX_TIME_ALWAYS_TIME_OUT),
      PAUSE_JOURNAL_FLUSHER_THREAD, new FailPoint(PAUSE_JOURNAL_FLUSHER_THREAD));

  /**
   * Applies {@code {configureFailPoint: name, mode, data}}.
   *
   * @return how often the fail point fired before, reported as {@code count}
   */
  public long configure(String name, BsonValue mode, BsonDocument data) {
    FailPoint point = points.get(name);
    if (point == null) {
      throw ErrorCode.FAIL_POINT_SET_FAILED.error(name + " not found");
    }
    return point.configure(FailPointMode.parse(mode), data == null ? new BsonDocument() : data);
  }

  /** Whether fail point {@code name} is off now, so evaluating it would not fire: a lock-free check. */
  public boolean isOff(String name) {
    return points.get(name).isOff();
  }

  /**
   * Evaluates {@code failCommand} for a command about to run.
   *
   * @param commandNames the command's name and aliases
   * @param appName the client's {@code application.name}, or null
   * @param namespace the command's namespace ({@code db.collection} or {@code db.$cmd})
   */
  public Optional<FailCommand> failCommand(Collection<String> commandNames, String appName, String namespace) {
    return points.get(FAIL_COMMAND)
        .evaluate(data -> FailCommand.selects(data, commandNames, appName, namespace))
        .map(FailCommand::from);
  }

  /**
   * Evaluates {@code failGetMoreAfterCursorCheckout}; a getMore calls it once it holds its cursor and, when a code
   * is returned, fails with it (the cursor is then dead). The default code is {@code InternalError} (1).
   */
  public OptionalInt failGetMoreAfterCursorCheckout() {
    return points.get(FAIL_GET_MORE_AFTER_CURSOR_CHECKOUT)
        .evaluate(data -> true)
        .map(data -> OptionalInt.of(data.isNumber("errorCode") ? data.getNumber("errorCode").intValue() : 1))
        .orElse(OptionalInt.empty());
  }

  /**
   * Evaluates {@code onPrimaryTransactionalWrite} for one statement of a retryable write; its data says whether
   * to fail the statement before it commits ({@code failBeforeCommitExceptionCode}) and whether to close the
   * connection ({@code closeConnection}, default true).
   */
  public Optional<BsonDocument> onPrimaryTransactionalWrite() {
    return points.get(ON_PRIMARY_TRANSACTIONAL_WRITE).evaluate(data -> true);
  }

  /**
   * Evaluates {@code maxTimeAlwaysTimeOut} for an operation that has a time limit: when it fires, the operation's
   * deadline counts as already passed, so it fails with {@code MaxTimeMSExpired} at its first check.
   */
  public boolean maxTimeAlwaysTimeOut() {
    return !isOff(MAX_TIME_ALWAYS_TIME_OUT) && points.get(MAX_TIME_ALWAYS_TIME_OUT).evaluate(data -> true).isPresent();
  }

  /**
   * Pauses a write waiting for its write concern's sync while {@code pauseJournalFlusherThread} is set (mongod's
   * name: there the journal flusher pauses and every {@code j: true} waiter with it), at most
   * {@code timeoutMillis}.
   *
   * @return false when the time ran out while paused
   */
  public boolean pauseJournalFlusher(long timeoutMillis) {
    FailPoint point = points.get(PAUSE_JOURNAL_FLUSHER_THREAD);
    return point.isOff() || point.pauseWhileSet(timeoutMillis);
  }
}
