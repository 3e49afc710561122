package io.tributary.engine.changestream;

import io.tributary.engine.cursor.CursorBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One parked {@code getMore} of a cursor that waits for commits (a change stream, a tailable {@code awaitData}
 * cursor): the future its reply completes, the batch size it asked for, the timer that ends it at
 * {@code maxAwaitTimeMS} and the commit registration that may end it sooner. Not thread-safe: guarded by the lock
 * of the cursor that owns it.
 *
 * @param <W> the kind of commit registration the cursor holds
 */
public final class ParkedGetMore<W extends CommitWait> {
  private final CompletableFuture<CursorBatch> result;
  private final int batchSize;
  private Future<?> timer;
  private W commit;

  public ParkedGetMore(CompletableFuture<CursorBatch> result, int batchSize) {
    this.result = result;
    this.batchSize = batchSize;
  }

  public CompletableFuture<CursorBatch> result() {
    return result;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The timer that ends the wait at its deadline. */
  public void timer(Future<?> timer) {
    this.timer = timer;
  }

  /** The current commit registration (a fired one is replaced when the cursor waits again), or null. */
  public W commit() {
    return commit;
  }

  public void commit(W commit) {
    this.commit = commit;
  }

  /** Lets go of the timer and of the commit registration, so an idle cursor leaves nothing behind. */
  public void cancel() {
    if (timer != null) {
      timer.cancel(false);
    }
    if (commit != null) {
      commit.cancel();
    }
  }
}
