package io.tributary.engine.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class CommitSequencerTest {
  private static final Namespace NS = Namespace.of("db", "c");
  private final Clock frozen = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
  private final Queue<Runnable> background = new ArrayDeque<>();

  @Test
  void clusterTimesAreStrictlyIncreasingWithinAndAcrossCommitsEvenWhenTheClockStandsStill() {
    Fixture fixture = new Fixture(new InMemoryStorageEngine());
    List<OplogEntry> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.addAll(fixture.sequencer.commit(new WriteBatch(), List.of(noop(i), noop(i + 100)), null));
    }
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).clusterTime()).isGreaterThan(all.get(i - 1).clusterTime());
    }
    assertThat(all.get(0).clusterTime().getTime()).isEqualTo(1_700_000_000);
  }

  @Test
  void documentsAndOplogEntriesAreWrittenInOneBatch() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), false);
    Fixture fixture = new Fixture(storage);
    WriteBatch batch = new WriteBatch().put(KeySpace.DOCUMENTS, new byte[] {1}, new byte[] {2});
    fixture.sequencer.commit(batch, List.of(noop(1), noop(2)), null);
    assertThat(storage.batches).hasSize(1);
    assertThat(storage.batches.get(0).mutations()).extracting(WriteBatch.Mutation::space)
        .containsExactly(KeySpace.DOCUMENTS, KeySpace.OPLOG, KeySpace.OPLOG);
  }

  @Test
  void inMemoryCommitsAreVisibleAtOnceInCommitOrder() {
    Fixture fixture = new Fixture(new InMemoryStorageEngine());
    CompletableFuture<BsonTimestamp> waiting = fixture.oplog.whenVisibleAfter(new BsonTimestamp(0, 0));
    assertThat(waiting).isNotDone();
    List<OplogEntry> entries = fixture.sequencer.commit(new WriteBatch(), List.of(noop(1), noop(2)), null);
    assertThat(waiting).isCompletedWithValue(entries.get(1).clusterTime());
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).isEqualTo(entries);
    assertThat(fixture.oplog.readAfter(entries.get(0).clusterTime(), 10)).containsExactly(entries.get(1));
  }

  @Test
  void durableCommitsBecomeVisibleOnlyAfterASync() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), true);
    Fixture fixture = new Fixture(storage);
    List<OplogEntry> entries = fixture.sequencer.commit(new WriteBatch(), List.of(noop(1)), null);
    CompletableFuture<BsonTimestamp> waiting = fixture.oplog.whenVisibleAfter(new BsonTimestamp(0, 0));
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).isEmpty();
    assertThat(waiting).isNotDone();
    assertThat(background).hasSize(1); // the background syncer was asked to sync
    background.poll().run();
    assertThat(storage.syncs).isEqualTo(1);
    assertThat(waiting).isCompletedWithValue(entries.get(0).clusterTime());
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).isEqualTo(entries);
  }

  @Test
  void commitsInsideDurablyAreSyncedByTheCallerAndVisibleWhenItReturnsWithoutWakingTheBackgroundSyncer() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), true);
    Fixture fixture = new Fixture(storage);
    List<OplogEntry> entries = fixture.sequencer.durably(() -> {
      List<OplogEntry> committed = new ArrayList<>(fixture.sequencer.commit(new WriteBatch(), List.of(noop(1)), null));
      committed.addAll(fixture.sequencer.durably(() -> fixture.sequencer.commit(new WriteBatch(), List.of(noop(2)),
          null), () -> true)); // nested: the outermost call syncs
      assertThat(storage.syncs).isZero();
      assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).isEmpty();
      return committed;
    }, () -> true);
    assertThat(storage.syncs).isEqualTo(1);
    assertThat(background).isEmpty();
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).isEqualTo(entries);

    fixture.sequencer.commit(new WriteBatch(), List.of(noop(3)), null);
    assertThat(background).hasSize(1); // outside durably, commits are synced in the background again
  }

  @Test
  void aCallerThatWillNotWaitLeavesItsCommitsToTheBackgroundSyncer() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), true);
    Fixture fixture = new Fixture(storage);
    fixture.sequencer.durably(() -> fixture.sequencer.commit(new WriteBatch(), List.of(noop(1)), null), () -> false);
    assertThat(storage.syncs).isZero();
    assertThat(background).hasSize(1);
  }

  @Test
  void whatAFailingDurablyCommittedBeforeFailingIsSyncedInTheBackground() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), true);
    Fixture fixture = new Fixture(storage);
    IllegalStateException failure = new IllegalStateException("second statement failed");
    assertThatThrownBy(() -> fixture.sequencer.durably(() -> {
      fixture.sequencer.commit(new WriteBatch(), List.of(noop(1)), null);
      throw failure;
    }, () -> true)).isSameAs(failure);
    assertThat(storage.syncs).isZero();
    assertThat(background).hasSize(1);
    background.poll().run();
    assertThat(storage.syncs).isEqualTo(1);
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).hasSize(1);
  }

  @Test
  void commitsWhoseSyncFailedAreLeftToTheBackgroundSyncer() {
    RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine(), true);
    Fixture fixture = new Fixture(storage);
    storage.syncFailure = new IllegalStateException("disk full");
    assertThatThrownBy(() -> fixture.sequencer.durably(
        () -> fixture.sequencer.commit(new WriteBatch(), List.of(noop(1)), null), () -> true)).hasMessage("disk full");
    assertThat(background).hasSize(1);
    background.poll().run();
    assertThat(storage.syncs).isEqualTo(1);
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).hasSize(1);
  }

  @Test
  void readsBeyondTheInMemoryTailSeekStorage() {
    Fixture fixture = new Fixture(new InMemoryStorageEngine(), 2);
    List<OplogEntry> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.addAll(fixture.sequencer.commit(new WriteBatch(), List.of(noop(i)), null));
    }
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 100)).isEqualTo(all);
    assertThat(fixture.oplog.readAfter(all.get(1).clusterTime(), 2)).isEqualTo(all.subList(2, 4));
    assertThat(fixture.oplog.oldestRetained()).isEqualTo(all.get(0).clusterTime());
  }

  @Test
  void reopenedOplogContinuesAfterTheLastEntry() {
    InMemoryStorageEngine storage = new InMemoryStorageEngine();
    List<OplogEntry> first = new Fixture(storage).sequencer.commit(new WriteBatch(), List.of(noop(1)), null);
    StoredOplog reopened = StoredOplog.open(storage, 10);
    assertThat(reopened.lastVisible()).isEqualTo(first.get(0).clusterTime());
    assertThat(reopened.readAfter(new BsonTimestamp(0, 0), 10)).isEqualTo(first);
  }

  @Test
  void aTransactionOverTheEntryLimitIsStoredAsAChainAndReadAsOneEntryAtTheCommitsTime() {
    InMemoryStorageEngine storage = new InMemoryStorageEngine();
    Fixture fixture = new Fixture(storage, 100, new TransactionPacking(2, TransactionPacking.MAX_BYTES));
    List<Operation> operations = List.of(noop(1), noop(2), noop(3), noop(4), noop(5));
    SessionInfo session = new SessionInfo(BsonDocument.parse("{id: 1}"), 3, 0, true);

    OplogEntry whole = fixture.sequencer.commit(new WriteBatch(), List.of(new Operation.ApplyOps(operations)), session)
        .get(0);

    List<OplogEntry> stored = stored(storage);
    assertThat(stored).extracting(entry -> ((Operation.ApplyOps) entry.operation()).operations().size())
        .containsExactly(2, 2, 1);
    assertThat(stored).extracting(entry -> ((Operation.ApplyOps) entry.operation()).chain()).containsExactly(
        TransactionChain.partial(null), TransactionChain.partial(stored.get(0).clusterTime()),
        TransactionChain.commit(stored.get(1).clusterTime(), 5));
    assertThat(whole).isEqualTo(new OplogEntry(stored.get(2).clusterTime(), stored.get(2).wallTimeMillis(),
        new Operation.ApplyOps(operations), session));
    assertThat(fixture.oplog.readAfter(new BsonTimestamp(0, 0), 10)).containsExactly(whole);
    StoredOplog reopened = StoredOplog.open(storage, 10);
    assertThat(reopened.readAfter(new BsonTimestamp(0, 0), 10)).as("read back from storage").containsExactly(whole);
    assertThat(reopened.readAfter(stored.get(0).clusterTime(), 10)).as("from inside the chain").containsExactly(whole);
  }

  @Test
  void aTransactionWhoseChainWasTruncatedIsHistoryLost() {
    InMemoryStorageEngine storage = new InMemoryStorageEngine();
    Fixture fixture = new Fixture(storage, 100, new TransactionPacking(1, TransactionPacking.MAX_BYTES));
    fixture.sequencer.commit(new WriteBatch(), List.of(new Operation.ApplyOps(List.of(noop(1), noop(2)))), null);
    BsonTimestamp first = stored(storage).get(0).clusterTime();
    storage.write(new WriteBatch().delete(KeySpace.OPLOG, KeyLayout.oplogKey(first)));

    assertThatThrownBy(() -> StoredOplog.open(storage, 10).readAfter(new BsonTimestamp(0, 0), 10))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(286));
  }

  @Test
  void packingStartsAnEntryBeforeAnOperationThatWouldTakeItPastTheByteLimit() {
    Operation small = noop(1);
    long size = OplogEntryCodec.applyOpsElementSize(small);
    TransactionPacking packing = new TransactionPacking(Integer.MAX_VALUE, 2 * size);

    assertThat(packing.pack(List.of(small, small, small, small, small))).extracting(List::size)
        .containsExactly(2, 2, 1);
    assertThat(new TransactionPacking(Integer.MAX_VALUE, size - 1).pack(List.of(small, small)))
        .as("an operation over the limit is alone").extracting(List::size).containsExactly(1, 1);
  }

  private static List<OplogEntry> stored(StorageEngine storage) {
    List<OplogEntry> entries = new ArrayList<>();
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, false)) {
      it.forEachRemaining(pair -> entries.add(OplogEntryCodec.decode(pair.value())));
    }
    return entries;
  }

  private static Operation noop(int i) {
    return new Operation.Noop(NS, new BsonDocument("i", new org.bson.BsonInt32(i)));
  }

  private final class Fixture {
    final StoredOplog oplog;
    final CommitSequencer sequencer;

    Fixture(StorageEngine storage) {
      this(storage, 100);
    }

    Fixture(StorageEngine storage, int tail) {
      this(storage, tail, TransactionPacking.DEFAULT);
    }

    Fixture(StorageEngine storage, int tail, TransactionPacking packing) {
      oplog = StoredOplog.open(storage, tail);
      ClusterClock clock = new ClusterClock(frozen);
      clock.advanceTo(oplog.lastCommitted());
      sequencer = new CommitSequencer(storage, clock, frozen, oplog, background::add, packing);
    }
  }

  /** Delegates to an engine, recording batches and syncs; optionally claims to be durable. */
  private static final class RecordingStorage implements StorageEngine {
    final StorageEngine delegate;
    final boolean durable;
    final List<WriteBatch> batches = new ArrayList<>();
    int syncs;
    /** Thrown by the next sync instead of syncing, if set. */
    RuntimeException syncFailure;

    RecordingStorage(StorageEngine delegate, boolean durable) {
      this.delegate = delegate;
      this.durable = durable;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public boolean isDurable() {
      return durable;
    }

    @Override
    public void write(WriteBatch batch) {
      batches.add(batch);
      delegate.write(batch);
    }

    @Override
    public void sync() {
      if (syncFailure != null) {
        RuntimeException failure = syncFailure;
        syncFailure = null;
        throw failure;
      }
      syncs++;
    }

    @Override
    public Snapshot snapshot() {
      return delegate.snapshot();
    }

    @Override
    public BsonDocument stats() {
      return new BsonDocument();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public byte[] get(KeySpace space, byte[] key) {
      return delegate.get(space, key);
    }

    @Override
    public KeyValueIterator scan(KeySpace space, byte[] from, byte[] to, boolean reverse) {
      return delegate.scan(space, from, to, reverse);
    }
  }
}
