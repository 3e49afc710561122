package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Index entries commit atomically with their document: every write of a document reaches storage as one batch
 * holding the document, its index entries and its oplog entry (and the catalog entry when an index becomes
 * multikey), and a write that fails on a unique index writes nothing at all.
 */
class IndexAtomicityTest {
  private final RecordingStorage storage = new RecordingStorage(new InMemoryStorageEngine());
  private final Engine engine = Engine.builder().storage(storage).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    IndexConsistency.check(engine);
    engine.close();
  }

  @Test
  void eachDocumentWriteIsOneBatchWithItsIndexEntriesAndOplogEntry() {
    harness.run("db", "{createIndexes: 'c', indexes: [{key: {a: 1}, name: 'a_1'}, {key: {b: -1}, name: 'b', "
        + "unique: true}]}");
    for (String command : List.of("{insert: 'c', documents: [{_id: 1, a: [1, 2], b: 1}]}",
        "{update: 'c', updates: [{q: {_id: 1}, u: {$set: {a: 3, b: 2}}}]}",
        "{delete: 'c', deletes: [{q: {_id: 1}, limit: 1}]}")) {
      storage.batches.clear();
      harness.run("db", command);
      assertThat(storage.batches).as(command).hasSize(1);
      assertThat(spaces(storage.batches.get(0))).as(command)
          .containsAll(Set.of(KeySpace.DOCUMENTS, KeySpace.INDEXES, KeySpace.OPLOG));
    }
    assertThat(engine.catalog().lookup(Namespace.of("db", "c")).orElseThrow().index("a_1")
        .orElseThrow().multikey()).as("the multikey flag committed with the first array").isTrue();
  }

  @Test
  void aUniqueViolationWritesNeitherDocumentNorIndexEntries() {
    harness.run("db", "{createIndexes: 'c', indexes: [{key: {a: 1}, name: 'a_1'}, {key: {b: 1}, name: 'b_1', "
        + "unique: true}]}");
    harness.run("db", "{insert: 'c', documents: [{_id: 1, a: 1, b: 1}, {_id: 2, a: 2, b: 2}]}");
    storage.batches.clear();
    BsonDocument reply = harness.run("db", "{insert: 'c', documents: [{_id: 3, a: 3, b: 1}]}");
    assertThat(reply.getArray("writeErrors").get(0).asDocument().getInt32("code").getValue()).isEqualTo(11000);
    assertThatThrownBy(() -> harness.run("db", "{findAndModify: 'c', query: {_id: 2}, update: {$set: {a: 9, b: 1}}}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(11000));
    assertThat(storage.batches).isEmpty();
    assertThat(harness.run("db", "{find: 'c', filter: {a: {$in: [3, 9]}}}").getDocument("cursor")
        .getArray("firstBatch")).isEmpty();
  }

  private static Set<KeySpace> spaces(WriteBatch batch) {
    return batch.mutations().stream().map(WriteBatch.Mutation::space).filter(s -> s != KeySpace.METADATA)
        .collect(Collectors.toSet());
  }

  /** Records the batches written, then writes them to the real engine. */
  private static final class RecordingStorage implements StorageEngine {
    final List<WriteBatch> batches = new ArrayList<>();
    private final StorageEngine delegate;

    RecordingStorage(StorageEngine delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public boolean isDurable() {
      return delegate.isDurable();
    }

    @Override
    public synchronized void write(WriteBatch batch) {
      batches.add(batch);
      delegate.write(batch);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public Snapshot snapshot() {
      return delegate.snapshot();
    }

    @Override
    public BsonDocument stats() {
      return delegate.stats();
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
    public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
      return delegate.scan(space, fromInclusive, toExclusive, reverse);
    }
  }
}
