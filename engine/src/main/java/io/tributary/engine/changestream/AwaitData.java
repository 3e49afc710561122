package io.tributary.engine.changestream;

import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.ServerCursor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code getMore}s of one cursor that waits for commits (a change stream; a tailable {@code awaitData} cursor):
 * a getMore its cursor has nothing for parks until a commit gives it something or its {@code maxAwaitTimeMS} ends,
 * holding no thread. The cursor only says what is new: it delegates {@code next} and {@code close} to a private
 * subclass that implements the reads (as a lock delegates to its {@code AbstractQueuedSynchronizer}), one object
 * per cursor. Thread-safe: state is guarded by the cursor's monitor, the one that guards the cursor's own state, so
 * reads never overlap; a getMore, commit wake-ups, the deadline and {@code killCursors} race for it.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>Parking: one timer on the scheduler for {@code maxAwaitTimeMS} and one commit registration
 *       ({@link #awaitCommit}). Every wake-up reads on the engine's worker (the timer only hands its task over:
 *       scheduler tasks must be tiny), never on a thread of its own.</li>
 *   <li>A commit that gives nothing registers again; the deadline answers even an empty batch. Either way a
 *       finished wait cancels its timer (removed from the scheduler's queue) and its registration.</li>
 *   <li>Identity: a wake-up carries the future of the getMore it was armed for and does nothing unless that
 *       getMore is still the parked one, so a late timer or commit never touches a later wait.</li>
 *   <li>A failed read ends the cursor: its getMore fails with the error, later ones with CursorKilled.</li>
 *   <li>A woken getMore's reply is completed outside the lock: its dependants encode and write it.</li>
 * </ul>
 *
 * @param <W> the kind of commit registration the cursor makes
 */
public abstract class AwaitData<W extends CommitWait> {
  /** What a read is for; a change stream reads differently before and after it parks. */
  public enum Read {
    /** A getMore that may not wait (no {@code maxAwaitTimeMS}): it answers with what it finds. */
    GET_MORE,
    /** A getMore that parks if it finds nothing. */
    GET_MORE_MAY_WAIT,
    /** A parked getMore, woken by a commit or at its deadline. */
    WAKE_UP
  }

  private final ServerCursor cursor;
  private final ScheduledExecutorService scheduler;
  private final Executor worker;
  private boolean closed;
  /** The parked getMore's reply, or null when none is parked; with it its batch size, timer and registration. */
  private CompletableFuture<CursorBatch> parked;
  private int batchSize;
  private Future<?> timer;
  private W commit;

  /**
   * @param cursor the cursor whose getMores these are; its monitor guards them
   * @param scheduler runs the {@code maxAwaitTimeMS} timers: the engine's scheduler
   * @param worker runs every wake-up's read, asynchronously: the engine's worker
   */
  protected AwaitData(ServerCursor cursor, ScheduledExecutorService scheduler, Executor worker) {
    this.cursor = cursor;
    this.scheduler = scheduler;
    this.worker = worker;
  }

  /**
   * The next batch, up to {@code batchSize} documents (0: no limit), or null when there is nothing to return yet and
   * the cursor stays open. A failure ends the cursor and fails the getMore with it ({@link MongoError#of}). Called
   * holding the cursor's monitor, as are the other callbacks.
   */
  protected abstract CursorBatch read(int batchSize, Read read);

  /** The reply of a getMore that found nothing (it may not wait, or its deadline came). */
  protected abstract CursorBatch emptyBatch();

  /** Registers {@code onCommit} to run on the worker after the next commit that may give the cursor more. */
  protected abstract W awaitCommit(Runnable onCommit);

  /** The cursor ended (killed, or a read failed): called once. */
  protected void ended() {}

  /** Answers a getMore at once, or parks it for up to {@code maxAwaitMillis} (0: never) when nothing is new. */
  public final CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis) {
    synchronized (cursor) {
      if (closed) {
        return CompletableFuture.failedFuture(killed());
      }
      CursorBatch batch;
      try {
        batch = read(batchSize, maxAwaitMillis > 0 ? Read.GET_MORE_MAY_WAIT : Read.GET_MORE);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(fail(e));
      }
      if (batch != null || maxAwaitMillis <= 0) {
        return CompletableFuture.completedFuture(batch != null ? batch : emptyBatch());
      }
      CompletableFuture<CursorBatch> result = new CompletableFuture<>();
      parked = result;
      this.batchSize = batchSize;
      timer = scheduler.schedule(() -> worker.execute(() -> wake(result, true)), maxAwaitMillis,
          TimeUnit.MILLISECONDS);
      commit = awaitCommit(() -> wake(result, false));
      return result;
    }
  }

  /** Ends the cursor: a parked getMore fails with CursorKilled, and so does every later one. Idempotent. */
  public final void close() {
    CompletableFuture<CursorBatch> pending;
    synchronized (cursor) {
      if (closed) {
        return;
      }
      pending = parked;
      end();
    }
    if (pending != null) {
      pending.completeExceptionally(killed());
    }
  }

  /** The current commit registration while a getMore is parked (a fired one until it is renewed), else null. */
  protected final W commit() {
    return commit;
  }

  /** Answers the parked getMore if it is still {@code result}: with what is new, or empty at the deadline. */
  private void wake(CompletableFuture<CursorBatch> result, boolean atDeadline) {
    CursorBatch reply;
    synchronized (cursor) {
      if (parked != result) {
        return;
      }
      try {
        reply = read(batchSize, Read.WAKE_UP);
      } catch (RuntimeException e) {
        result.completeExceptionally(fail(e));
        return;
      }
      if (reply == null && !atDeadline) {
        commit = awaitCommit(() -> wake(result, false));
        return;
      }
      endWait();
      if (reply == null) {
        reply = emptyBatch();
      }
    }
    result.complete(reply);
  }

  /** Ends the cursor after a failed read; returns the error its getMore fails with. Called holding the lock. */
  private MongoError fail(RuntimeException failure) {
    end();
    return MongoError.of(failure);
  }

  /** Called holding the lock, once. */
  private void end() {
    closed = true;
    if (parked != null) {
      endWait();
    }
    ended();
  }

  /** Lets go of the parked getMore's timer and registration; called holding the lock. */
  private void endWait() {
    timer.cancel(false);
    if (commit != null) { // null only if registering failed
      commit.cancel();
    }
    parked = null;
    timer = null;
    commit = null;
  }

  private MongoError killed() {
    return ErrorCode.CURSOR_KILLED.error("cursor id " + cursor.id() + " was killed");
  }
}
