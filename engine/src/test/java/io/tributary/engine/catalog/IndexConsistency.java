package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * Test invariant: every index holds exactly the entries its collection's documents produce, an index some document
 * gives several keys through an array is marked multikey (the planner relies on it), and no key in INDEXES or
 * DOCUMENTS belongs to an index or collection the catalog does not know. Run it after a test.
 */
public final class IndexConsistency {
  private IndexConsistency() {}

  public static void check(Engine engine) {
    StorageEngine storage = engine.storage();
    Set<ByteBuffer> expected = new HashSet<>();
    int documents = 0;
    for (String db : engine.catalog().databases()) {
      for (CollectionMetadata collection : engine.catalog().collections(db)) {
        try (DocumentCursor cursor = Documents.scan(storage, collection, false)) {
          while (cursor.hasNext()) {
            StoredDocument stored = cursor.next();
            documents++;
            for (IndexDescriptor index : collection.indexes()) {
              assertThat(index.multikey() || !IndexKeys.isMultikey(index, stored.document()))
                  .as("index %s of %s is multikey: %s", index.name(), collection.namespace(), stored.document())
                  .isTrue();
              for (IndexKey key : IndexKeys.of(index, stored.document())) {
                expected.add(ByteBuffer.wrap(KeyLayout.indexKey(index.id(), key.encoded(),
                    index.isUnique() ? null : stored.recordId())));
              }
            }
          }
        }
      }
    }
    assertThat(allKeys(storage, KeySpace.INDEXES)).as("index entries").isEqualTo(expected);
    assertThat(allKeys(storage, KeySpace.DOCUMENTS)).as("documents of known collections").hasSize(documents);
  }

  private static Set<ByteBuffer> allKeys(StorageEngine storage, KeySpace space) {
    Set<ByteBuffer> keys = new HashSet<>();
    try (KeyValueIterator it = storage.scan(space, null, null, false)) {
      it.forEachRemaining(kv -> keys.add(ByteBuffer.wrap(kv.key())));
    }
    return keys;
  }
}
