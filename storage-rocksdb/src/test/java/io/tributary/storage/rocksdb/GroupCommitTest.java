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
import java.util.concurrent.atomic.AtomicInteger;
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
