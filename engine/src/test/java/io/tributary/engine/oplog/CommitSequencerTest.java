package io.tributary.engine.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
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
      oplog = StoredOplog.open(storage, tail);
      ClusterClock clock = new ClusterClock(frozen);
      clock.advanceTo(oplog.lastCommitted());
      sequencer = new CommitSequencer(storage, clock, frozen, oplog, background::add);
    }
  }

  /** Delegates to an engine, recording batches and syncs; optionally claims to be durable. */
  private static final class RecordingStorage implements StorageEngine {
    final StorageEngine delegate;
    final boolean durable;
    final List<WriteBatch> batches = new ArrayList<>();
    int syncs;

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
