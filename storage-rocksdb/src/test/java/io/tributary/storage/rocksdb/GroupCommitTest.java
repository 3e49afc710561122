package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;

class GroupCommitTest {
  private final AtomicInteger walSyncs = new AtomicInteger();
  private final CountDownLatch releaseFirstSync = new CountDownLatch(1);
  private final CountDownLatch firstSyncStarted = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    releaseFirstSync.countDown();
    pool.shutdownNow();
  }

  @Test
  void syncsOnlyWhatIsNotYetDurable() throws RocksDBException {
    GroupCommit commit = new GroupCommit(walSyncs::incrementAndGet);
    commit.sync();
    assertThat(walSyncs).hasValue(0);

    commit.written();
    commit.sync();
    commit.sync();
    assertThat(walSyncs).hasValue(1);
    assertThat(commit.syncs()).isEqualTo(1);
  }

  @Test
  void callersArrivingDuringASyncShareTheNextOne() throws Exception {
    GroupCommit commit = new GroupCommit(this::blockFirstSync);
    commit.written();
    Future<?> leader = pool.submit(() -> sync(commit));
    firstSyncStarted.await();

    List<Future<?>> followers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      commit.written();
      followers.add(pool.submit(() -> sync(commit)));
    }
    while (commit.followers() < 5) {
      Thread.onSpinWait();
    }
    releaseFirstSync.countDown();

    leader.get(30, TimeUnit.SECONDS);
    for (Future<?> follower : followers) {
      follower.get(30, TimeUnit.SECONDS);
    }
    assertThat(walSyncs).hasValue(2); // the first covered only the leader's batch; one more covered the rest
  }

  @Test
  void aFailedSyncIsRetriedByTheNextCaller() throws RocksDBException {
    AtomicInteger calls = new AtomicInteger();
    GroupCommit commit = new GroupCommit(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new RocksDBException("disk full");
      }
    });
    commit.written();
    assertThatThrownBy(commit::sync).hasMessage("disk full");
    commit.sync();
    assertThat(calls).hasValue(2);
    assertThat(commit.syncs()).isEqualTo(1);
  }

  @Test
  void noCallerReturnsBeforeItsBatchIsDurable() throws Exception {
    AtomicLong appended = new AtomicLong(); // the model log: batches appended, in order
    AtomicLong durable = new AtomicLong(); // a sync makes durable what was appended when it began
    GroupCommit commit = new GroupCommit(() -> {
      long upTo = appended.get();
      Thread.yield();
      durable.accumulateAndGet(upTo, Math::max);
    });
    List<Future<Long>> writers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      writers.add(pool.submit(() -> {
        long returnedEarly = 0;
        for (int i = 0; i < 500; i++) {
          long mine = appended.incrementAndGet();
          commit.written();
          commit.sync();
          returnedEarly += durable.get() < mine ? 1 : 0;
        }
        return returnedEarly;
      }));
    }
    for (Future<Long> writer : writers) {
      assertThat(writer.get(60, TimeUnit.SECONDS)).isZero();
    }
    assertThat(commit.followers()).isZero();
    assertThat(commit.syncs()).isBetween(1L, 16L * 500);
  }

  @Test
  void anInterruptedFollowerStillWaitsForItsSyncAndKeepsTheInterrupt() throws Exception {
    GroupCommit commit = new GroupCommit(this::blockFirstSync);
    commit.written();
    Future<?> leader = pool.submit(() -> sync(commit));
    firstSyncStarted.await();
    commit.written();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread follower = new Thread(() -> {
      try {
        commit.sync();
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    follower.start();
    while (commit.followers() < 1) {
      Thread.onSpinWait();
    }
    follower.interrupt();
    releaseFirstSync.countDown();
    leader.get(30, TimeUnit.SECONDS);
    follower.join();
    assertThat(interruptKept).isTrue();
    assertThat(walSyncs).hasValue(2); // the first sync began before the follower's batch: it needed its own
  }

  private void blockFirstSync() {
    if (walSyncs.incrementAndGet() == 1) {
      firstSyncStarted.countDown();
      try {
        releaseFirstSync.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Void sync(GroupCommit commit) throws RocksDBException {
    commit.sync();
    return null;
  }
}
