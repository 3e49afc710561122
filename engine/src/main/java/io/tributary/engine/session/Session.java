package io.tributary.engine.session;

import io.tributary.engine.catalog.Writer;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.storage.Snapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * One logical session's retryable-write state: the highest {@code txnNumber} seen and the result of each
 * statement ({@code stmtId}) executed under it, so that a retry returns the first execution's result instead of
 * writing again. A higher {@code txnNumber} starts afresh; a lower one fails with {@code TransactionTooOld}.
 * Thread-safe: callers run a retryable command's statements while holding {@link #lock()}, which also makes a
 * concurrent retry wait for the first execution.
 */
public final class Session {
  private final BsonDocument lsid;
  private final Object lock = new Object();
  private long txnNumber = -1;
  private final Map<Integer, BsonDocument> executed = new HashMap<>();
  private Transaction transaction;

  Session(BsonDocument lsid) {
    this.lsid = lsid;
  }

  public BsonDocument lsid() {
    return lsid;
  }

  /** The monitor to hold while a retryable write of this session runs. */
  public Object lock() {
    return lock;
  }

  /** Starts (or continues) retryable write {@code number}; fails for a number older than the current one. */
  public void beginRetryableWrite(long number) {
    synchronized (lock) {
      if (number < txnNumber) {
        throw ErrorCode.TRANSACTION_TOO_OLD.error("Cannot start transaction " + number + " on session "
            + lsid.get("id") + " because a newer transaction " + txnNumber + " has already started");
      }
      if (number > txnNumber) {
        abortOpenTransaction();
        txnNumber = number;
        executed.clear();
      }
    }
  }

  /**
   * Starts transaction {@code number} ({@code startTransaction: true}); an open transaction of an older number is
   * aborted. The number must be newer than any used on the session.
   */
  public Transaction startTransaction(long number, Writer writer, Snapshot start, long nowMillis) {
    synchronized (lock) {
      if (number <= txnNumber) {
        start.close();
        throw number < txnNumber
            ? ErrorCode.TRANSACTION_TOO_OLD.error("Cannot start transaction " + number + " on session "
                + lsid.get("id") + " because a newer transaction " + txnNumber + " has already started")
            : ErrorCode.location(50911).error("Cannot start a transaction with a transaction number " + number
                + " that was already used");
      }
      abortOpenTransaction();
      txnNumber = number;
      executed.clear();
      transaction = new Transaction(lsid, number, writer, start, nowMillis);
      return transaction;
    }
  }

  /** The session's transaction {@code number}, in any state; NoSuchTransaction when there is none. */
  public Transaction transaction(long number) {
    synchronized (lock) {
      if (transaction == null || transaction.txnNumber() != number) {
        throw ErrorCode.NO_SUCH_TRANSACTION.error("Given transaction number " + number
            + " does not match any in-progress transactions.")
            .withLabel(io.tributary.engine.error.ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
      }
      return transaction;
    }
  }

  /** Aborts the session's transaction if it is open and started before {@code deadlineMillis}. */
  void abortIfStartedBefore(long deadlineMillis) {
    synchronized (lock) {
      if (transaction != null && transaction.startedMillis() < deadlineMillis) {
        abortOpenTransaction();
      }
    }
  }

  private void abortOpenTransaction() {
    if (transaction != null && transaction.state() == Transaction.State.IN_PROGRESS) {
      transaction.abort();
    }
  }

  /** The recorded result of statement {@code stmtId} of the current write, if it already executed. */
  public Optional<BsonDocument> executedResult(int stmtId) {
    synchronized (lock) {
      return Optional.ofNullable(executed.get(stmtId));
    }
  }

  public void recordResult(int stmtId, BsonDocument result) {
    synchronized (lock) {
      executed.put(stmtId, result);
    }
  }
}
