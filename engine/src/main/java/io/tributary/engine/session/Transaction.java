package io.tributary.engine.session;

import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.catalog.Writer;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.oplog.SessionInfo;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.Snapshot;
import java.util.function.Function;
import org.bson.BsonDocument;

/**
 * One multi-document transaction of a session. Reads see the state when it started (a storage snapshot) until
 * its first write; the first write opens a {@link WriteUnit} that holds the engine's write permit until commit or
 * abort, and later reads see that unit (the latest state with the transaction's own writes). Commit writes all of
 * it in one atomic batch with one oplog entry ({@code applyOps}) at one cluster time, carrying the session and
 * {@code inTransaction}. A statement that fails
 * aborts the transaction. Thread-safe: each method holds the transaction's monitor.
 */
public final class Transaction {
  /** mongod's {@code maxTransactionLockRequestTimeoutMillis}. */
  private static final long LOCK_WAIT_MILLIS = 5;

  /** Where a transaction is in its life. */
  public enum State { IN_PROGRESS, COMMITTED, ABORTED }

  private final BsonDocument lsid;
  private final long txnNumber;
  private final Writer writer;
  private final Snapshot start;
  private final long startedMillis;
  private WriteUnit unit;
  private State state = State.IN_PROGRESS;

  Transaction(BsonDocument lsid, long txnNumber, Writer writer, Snapshot start, long startedMillis) {
    this.lsid = lsid;
    this.txnNumber = txnNumber;
    this.writer = writer;
    this.start = start;
    this.startedMillis = startedMillis;
  }

  public long txnNumber() {
    return txnNumber;
  }

  public synchronized State state() {
    return state;
  }

  long startedMillis() {
    return startedMillis;
  }

  /** What the transaction's reads see. */
  public synchronized ReadView readView() {
    requireInProgress();
    return unit != null ? unit.view() : start;
  }

  /** Runs write work in the transaction's unit; a failure aborts the transaction. */
  public synchronized <T> T write(Function<WriteUnit, T> work) {
    requireInProgress();
    try {
      if (unit == null) {
        unit = writer.begin(LOCK_WAIT_MILLIS);
      }
      return work.apply(unit);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Commits; committing again is a no-op (a retried commit), committing an aborted one fails. */
  public synchronized void commit() {
    if (state == State.COMMITTED) {
      return;
    }
    requireInProgress();
    state = State.COMMITTED;
    start.close();
    if (unit != null) {
      writer.commit(unit, new SessionInfo(lsid, txnNumber, 0, true));
    }
  }

  /** Aborts an open transaction (idempotent for an aborted one); fails for a committed one. */
  public synchronized void abort() {
    if (state == State.COMMITTED) {
      throw ErrorCode.TRANSACTION_COMMITTED.error("Transaction " + txnNumber + " has been committed.");
    }
    if (state == State.ABORTED) {
      return;
    }
    state = State.ABORTED;
    start.close();
    if (unit != null) {
      writer.abort(unit);
    }
  }

  private void requireInProgress() {
    if (state != State.IN_PROGRESS) {
      throw ErrorCode.NO_SUCH_TRANSACTION.error("Transaction with { txnNumber: " + txnNumber + " } has been "
          + (state == State.COMMITTED ? "committed." : "aborted."))
          .withLabel(ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
    }
  }
}
