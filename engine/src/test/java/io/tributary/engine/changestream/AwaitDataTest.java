package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.ServerCursor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.testing.ManualExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parked-getMore flow both waiting cursors share, driven by hand: timers fire and worker tasks run when the test
 * says, so every interleaving of a commit, the deadline and {@code killCursors} is tested without time passing.
 */
class AwaitDataTest {
  private static final CursorBatch EMPTY = new CursorBatch(List.of(), null, false);
  private static final CursorBatch ONE = new CursorBatch(List.of(new BsonDocument("_id", new BsonInt32(1))), null,
      false);

  private final Timers timers = new Timers();
  private final ManualExecutor worker = new ManualExecutor();
  private final FakeCursor cursor = new FakeCursor(42, worker);
  private final FakeCursor.Flow getMores = cursor.getMores;

  @AfterEach
  void shutDown() {
    timers.shutdownNow();
  }

  @Test
  void aGetMoreWithSomethingToReturnOrNoWaitAnswersAtOnceWithoutParking() {
    cursor.willRead(() -> ONE);
    assertThat(getMores.next(0, 60_000)).isCompletedWithValue(ONE);
    assertThat(getMores.next(0, 0)).isCompletedWithValue(EMPTY);
    assertThat(cursor.reads).containsExactly(AwaitData.Read.GET_MORE_MAY_WAIT, AwaitData.Read.GET_MORE);
    assertThat(timers.scheduled).isEmpty();
    assertThat(cursor.registrations).isEmpty();
  }

  @Test
  void aCommitThatGivesNothingRegistersAgainAndTheNextOneAnswers() {
    CompletableFuture<CursorBatch> getMore = getMores.next(5, 60_000);
    assertThat(cursor.registrations).hasSize(1);
    cursor.registrations.get(0).fire();
    worker.runAll();
    assertThat(getMore).isNotDone();
    assertThat(cursor.registrations).as("registered again after an empty wake-up").hasSize(2);
    assertThat(getMores.commit()).isSameAs(cursor.registrations.get(1));
    cursor.willRead(() -> ONE);
    cursor.registrations.get(1).fire();
    worker.runAll();
    assertThat(getMore).isCompletedWithValue(ONE);
    assertThat(cursor.reads).containsExactly(AwaitData.Read.GET_MORE_MAY_WAIT, AwaitData.Read.WAKE_UP,
        AwaitData.Read.WAKE_UP);
    assertThat(cursor.batchSizes).containsOnly(5);
    assertThat(timers.scheduled.get(0).isCancelled()).isTrue();
    assertThat(getMores.commit()).isNull();
  }

  @Test
  void theDeadlineHandsItsReadToTheWorkerAndAnswersEmpty() {
    CompletableFuture<CursorBatch> getMore = getMores.next(0, 1_000);
    assertThat(timers.scheduled).singleElement().satisfies(t -> assertThat(t.delayMillis).isEqualTo(1_000));
    timers.scheduled.get(0).fire();
    assertThat(getMore).as("the timer thread only hands the wake-up over").isNotDone();
    assertThat(cursor.reads).hasSize(1);
    assertThat(worker.queued()).isEqualTo(1);
    worker.runAll();
    assertThat(getMore).isCompletedWithValue(EMPTY);
    assertThat(cursor.registrations).singleElement().satisfies(r -> assertThat(r.cancelled).isTrue());
  }

  @Test
  void killWhileParkedFailsTheGetMoreLeavesNothingBehindAndLateWakeUpsDoNothing() {
    CompletableFuture<CursorBatch> getMore = getMores.next(0, 60_000);
    cursor.registrations.get(0).fire(); // a commit's wake-up, queued on the worker before the kill
    timers.scheduled.get(0).fire();
    getMores.close();
    assertKilled(getMore);
    assertThat(timers.scheduled.get(0).isCancelled()).isTrue();
    assertThat(cursor.registrations.get(0).cancelled).isTrue();
    worker.runAll();
    assertThat(cursor.reads).as("no read after the kill").hasSize(1);
    assertThat(cursor.registrations).hasSize(1);
    getMores.close();
    assertThat(cursor.ended).as("ended once").isEqualTo(1);
    assertKilled(getMores.next(0, 60_000));
  }

  @Test
  void aWakeUpOfAnEarlierWaitNeverTouchesTheCurrentOne() {
    CompletableFuture<CursorBatch> first = getMores.next(0, 60_000);
    cursor.willRead(() -> ONE);
    cursor.registrations.get(0).fire();
    worker.runAll();
    assertThat(first).isCompletedWithValue(ONE);
    CompletableFuture<CursorBatch> second = getMores.next(0, 60_000);
    timers.scheduled.get(0).fire(); // the first wait's timer, cancelled too late
    cursor.registrations.get(0).fire();
    worker.runAll();
    assertThat(second).isNotDone();
    assertThat(cursor.reads).hasSize(3);
    assertThat(cursor.registrations).as("only the second wait's").hasSize(2);
    assertThat(getMores.commit()).isSameAs(cursor.registrations.get(1));
  }

  @Test
  void aFailedReadEndsTheCursorAndItsWait() {
    CompletableFuture<CursorBatch> getMore = getMores.next(0, 60_000);
    cursor.willRead(() -> {
      throw ErrorCode.CAPPED_POSITION_LOST.error("gone");
    });
    cursor.registrations.get(0).fire();
    worker.runAll();
    assertThatThrownBy(getMore::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPPED_POSITION_LOST));
    assertThat(timers.scheduled.get(0).isCancelled()).isTrue();
    assertThat(cursor.ended).isEqualTo(1);
    assertKilled(getMores.next(0, 0));
  }

  @Test
  void aKillRacingAnEmptyWakeUpLeavesNoRegistrationBehind() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      FakeCursor racing = new FakeCursor(i, Runnable::run); // a commit's wake-up runs on the committing thread
      AwaitData<Registration> flow = racing.getMores;
      CompletableFuture<CursorBatch> getMore = flow.next(0, 60_000);
      Registration first = racing.registrations.get(0);
      CountDownLatch start = new CountDownLatch(1);
      Thread commit = new Thread(() -> await(start, first::fire));
      commit.start();
      start.countDown();
      flow.close();
      commit.join();
      assertKilled(getMore);
      assertThat(racing.ended).isEqualTo(1);
      assertThat(racing.registrations).as("one made by a wake-up before the kill is cancelled by it")
          .allSatisfy(r -> assertThat(r.fired || r.cancelled).isTrue());
    }
  }

  private static void await(CountDownLatch latch, Runnable then) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    then.run();
  }

  private static void assertKilled(CompletableFuture<CursorBatch> getMore) {
    assertThatThrownBy(getMore::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CURSOR_KILLED);
          assertThat(e.getMessage()).endsWith("was killed");
        });
  }

  /** A commit registration the test fires; like the notifier's, firing hands the wake-up to the worker. */
  static final class Registration implements CommitWait {
    private final Runnable onCommit;
    private final Executor executor;
    volatile boolean fired;
    volatile boolean cancelled;

    Registration(Runnable onCommit, Executor executor) {
      this.onCommit = onCommit;
      this.executor = executor;
    }

    void fire() {
      fired = true;
      executor.execute(onCommit);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  /**
   * A cursor that reads what the test queued (nothing by default) and records what its flow asked of it; its flow
   * runs on the test's timers and the given worker.
   */
  final class FakeCursor implements ServerCursor {
    final List<AwaitData.Read> reads = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final List<Registration> registrations = new ArrayList<>();
    final Flow getMores;
    private final Queue<Supplier<CursorBatch>> batches = new ArrayDeque<>();
    private final long id;
    private final Executor wakeUps;
    int ended;

    /** {@code wakeUps}: where a fired registration runs its wake-up, and the flow its deadline (the worker). */
    FakeCursor(long id, Executor wakeUps) {
      this.id = id;
      this.wakeUps = wakeUps;
      this.getMores = new Flow();
    }

    void willRead(Supplier<CursorBatch> batch) {
      batches.add(batch);
    }

    @Override
    public long id() {
      return id;
    }

    @Override
    public Namespace namespace() {
      return Namespace.of("db", "c");
    }

    @Override
    public BsonDocument lsid() {
      return null;
    }

    @Override
    public CompletableFuture<CursorBatch> next(int batchSize, long maxAwaitMillis) {
      return getMores.next(batchSize, maxAwaitMillis);
    }

    @Override
    public void close() {
      getMores.close();
    }

    final class Flow extends AwaitData<Registration> {
      Flow() {
        super(FakeCursor.this, timers, wakeUps);
      }

      @Override
      protected CursorBatch read(int batchSize, Read read) {
        reads.add(read);
        batchSizes.add(batchSize);
        Supplier<CursorBatch> batch = batches.poll();
        return batch == null ? null : batch.get();
      }

      @Override
      protected CursorBatch emptyBatch() {
        return EMPTY;
      }

      @Override
      protected Registration awaitCommit(Runnable onCommit) {
        Registration registration = new Registration(onCommit, wakeUps);
        registrations.add(registration);
        return registration;
      }

      @Override
      protected void ended() {
        ended++;
      }
    }
  }

  /** A scheduler whose timers fire only when the test fires them. */
  static final class Timers extends ScheduledThreadPoolExecutor {
    final List<Timer> scheduled = new ArrayList<>();

    Timers() {
      super(0);
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      Timer timer = new Timer(task, unit.toMillis(delay));
      scheduled.add(timer);
      return timer;
    }
  }

  /** A timer the test fires, even after it was cancelled (the race a real timer can lose). */
  static final class Timer extends CompletableFuture<Void> implements ScheduledFuture<Void> {
    final Runnable task;
    final long delayMillis;

    Timer(Runnable task, long delayMillis) {
      this.task = task;
      this.delayMillis = delayMillis;
    }

    void fire() {
      task.run();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }
  }
}
