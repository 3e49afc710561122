package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.WriteBatch;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's staged writes read like the state they will produce, in both scan directions. */
class StagedWritesTest {
  private final InMemoryStorageEngine storage = new InMemoryStorageEngine();

  @Test
  void stagedPutsOverrideAndStagedDeletesHideCommittedEntries() {
    storage.write(new WriteBatch().put(KeySpace.DOCUMENTS, key(1), val(1)).put(KeySpace.DOCUMENTS, key(3), val(3))
        .put(KeySpace.DOCUMENTS, key(5), val(5)));
    StagedWrites staged = new StagedWrites(storage);
    staged.put(KeySpace.DOCUMENTS, key(2), val(20));
    staged.put(KeySpace.DOCUMENTS, key(3), val(30));
    staged.delete(KeySpace.DOCUMENTS, key(5));
    staged.put(KeySpace.DOCUMENTS, key(6), val(60));

    assertThat(values(staged, null, null, false)).containsExactly(1, 20, 30, 60);
    assertThat(values(staged, null, null, true)).containsExactly(60, 30, 20, 1);
    assertThat(values(staged, key(2), key(6), false)).containsExactly(20, 30);
    assertThat(staged.get(KeySpace.DOCUMENTS, key(5))).isNull();
    assertThat(staged.get(KeySpace.DOCUMENTS, key(1))).isEqualTo(val(1));
    assertThat(staged.batch().mutations()).hasSize(4);
    assertThat(values(storage, null, null, false)).as("nothing written yet").containsExactly(1, 3, 5);
  }

  @Test
  void aScanIsNotDisturbedByLaterStaging() {
    StagedWrites staged = new StagedWrites(storage);
    staged.put(KeySpace.DOCUMENTS, key(1), val(1));
    try (KeyValueIterator it = staged.scan(KeySpace.DOCUMENTS, null, null, false)) {
      staged.put(KeySpace.DOCUMENTS, key(2), val(2));
      assertThat(it.next().value()).isEqualTo(val(1));
      assertThat(it.hasNext()).isFalse();
    }
  }

  private static List<Integer> values(io.tributary.engine.storage.ReadView view, byte[] from, byte[] to,
      boolean reverse) {
    List<Integer> values = new ArrayList<>();
    try (KeyValueIterator it = view.scan(KeySpace.DOCUMENTS, from, to, reverse)) {
      it.forEachRemaining(kv -> values.add((int) kv.value()[0]));
    }
    return values;
  }

  private static byte[] key(long n) {
    return KeyLayout.longKey(n);
  }

  private static byte[] val(int n) {
    return new byte[] {(byte) n};
  }
}
