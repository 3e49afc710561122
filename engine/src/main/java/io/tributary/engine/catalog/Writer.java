package io.tributary.engine.catalog;

import io.tributary.engine.oplog.CommitSequencer;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.SessionInfo;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.operation.OperationDeadline;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs write work: one {@link WriteUnit} at a time (a statement's, or a transaction's for its whole life), so a
 * write's reads (the document to update, the index
 * entries to check) and its commit form one serializable step. The unit is committed through the
 * {@link CommitSequencer} (one atomic batch with its oplog entries) and its catalog changes are published
 * afterwards. If the work throws, nothing is written. Commits are not synced here: a command that must
 * acknowledge durable writes commits inside {@link CommitSequencer#durably}, which syncs once after all its
 * commits, outside the lock, so concurrent writers share syncs. Thread-safe.
 */
public final class Writer {
  private final Catalog catalog;
  private final StorageEngine storage;
  private final CommitSequencer sequencer;
  /** The write permit: one unit is open at a time. A semaphore, not a lock: a transaction's unit stays open
   * across commands, which may run on different threads. */
  private final Semaphore permit = new Semaphore(1, true);
  /** The thread inside {@link #exclusively}, whose writes already hold the permit; read by every writer. */
  private volatile Thread holder;

  public Writer(Catalog catalog, StorageEngine storage, CommitSequencer sequencer) {
    this.catalog = catalog;
    this.storage = storage;
    this.sequencer = sequencer;
  }

  /**
   * Runs {@code work} on a fresh unit and commits what it staged.
   *
   * @param session recorded on the unit's oplog entries, or null
   */
  public <T> T write(SessionInfo session, Function<WriteUnit, T> work) {
    return exclusively(() -> {
      WriteUnit unit = new WriteUnit(catalog, storage, false);
      T result = work.apply(unit);
      publish(unit, unit.operations(), session);
      return result;
    });
  }

  /**
   * Runs {@code work} holding the write permit, waiting for it if needed; the {@link #write}s it makes on this
   * thread commit under that permit (one statement and its bookkeeping as one step). Reentrant on one thread.
   * Whoever holds the permit may then take a session's lock, never the other way round. The wait ends with
   * {@code MaxTimeMSExpired} when the running operation's {@code maxTimeMS} runs out first.
   */
  public <T> T exclusively(Supplier<T> work) {
    if (holder == Thread.currentThread()) {
      return work.get();
    }
    acquireWithinDeadline();
    return holding(work);
  }

  private void acquireWithinDeadline() {
    long remaining = OperationDeadline.remainingMillis();
    if (remaining == Long.MAX_VALUE) {
      permit.acquireUninterruptibly();
      return;
    }
    try {
      // The deadline is on the injected clock; the wait, like any lock wait, is in real time.
      if (!permit.tryAcquire(remaining, TimeUnit.MILLISECONDS)) {
        throw OperationDeadline.expiredError();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ErrorCode.INTERRUPTED.error("interrupted while waiting for the write lock");
    }
  }

  /**
   * As {@link #exclusively}, only if the permit is free now: empty, and {@code work} not run, when another unit
   * holds it (a transaction may hold it for seconds). For work that must not wait, such as a network event
   * loop's.
   */
  public <T> Optional<T> tryExclusively(Supplier<T> work) {
    if (holder == Thread.currentThread()) {
      return Optional.of(work.get());
    }
    return permit.tryAcquire() ? Optional.of(holding(work)) : Optional.empty();
  }

  private <T> T holding(Supplier<T> work) {
    holder = Thread.currentThread();
    try {
      return work.get();
    } finally {
      holder = null;
      permit.release();
    }
  }

  /**
   * Opens a unit that stays open until {@link #commit} or {@link #abort} (a multi-document transaction), holding
   * the write permit meanwhile. Waits at most {@code waitMillis} for the permit (mongod's
   * {@code maxTransactionLockRequestTimeoutMillis}), then fails with a transient {@code WriteConflict}; if the
   * running operation's {@code maxTimeMS} runs out first, with {@code MaxTimeMSExpired} instead.
   */
  public WriteUnit begin(long waitMillis) {
    long remaining = OperationDeadline.remainingMillis();
    try {
      if (!permit.tryAcquire(Math.min(waitMillis, remaining), TimeUnit.MILLISECONDS)) {
        throw remaining < waitMillis ? OperationDeadline.expiredError()
            : ErrorCode.WRITE_CONFLICT.error("Unable to acquire the write lock within " + waitMillis + "ms")
                .withLabel(ErrorLabels.TRANSIENT_TRANSACTION_ERROR);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ErrorCode.INTERRUPTED.error("interrupted while waiting for the write lock");
    }
    return new WriteUnit(catalog, storage, true);
  }

  /**
   * Commits a unit opened by {@link #begin} and releases the permit. Its operations are one transaction entry
   * ({@link Operation.ApplyOps}): one cluster time for all of them, as mongod commits a transaction.
   */
  public void commit(WriteUnit unit, SessionInfo session) {
    try {
      List<Operation> operations = unit.operations();
      publish(unit, operations.isEmpty() ? operations : List.of(new Operation.ApplyOps(operations)), session);
    } finally {
      permit.release();
    }
  }

  /** Discards a unit opened by {@link #begin} and releases the permit. */
  public void abort(WriteUnit unit) {
    permit.release();
  }

  private void publish(WriteUnit unit, List<Operation> operations, SessionInfo session) {
    sequencer.commit(unit.batch(), operations, session);
    catalog.apply(unit.catalogChanges());
    catalog.applyCappedUsage(unit.cappedUsage());
  }
}
