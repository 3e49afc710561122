package io.tributary.engine.catalog;

import io.tributary.engine.storage.KeySpace;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * Index maintenance for one {@link WriteUnit}: stages puts and deletes of index entries and enforces uniqueness
 * against the stored entries overlaid with the ones staged so far (so a unit that builds an index over existing
 * documents detects duplicates among them). Unique index entries are keyed by
 * index id + key with the record id as value; non-unique ones append the record id to the key. Not thread-safe.
 */
final class IndexEntries {
  private static final byte[] EMPTY = new byte[0];

  private final StagedWrites staged;

  IndexEntries(StagedWrites staged) {
    this.staged = staged;
  }

  void add(CollectionMetadata collection, IndexDescriptor index, BsonDocument document, long recordId) {
    for (IndexKey key : IndexKeys.of(index, document)) {
      put(collection, index, key, recordId);
    }
  }

  void remove(IndexDescriptor index, StoredDocument stored) {
    for (IndexKey key : IndexKeys.of(index, stored.document())) {
      delete(entryKey(index, key, stored.recordId()));
    }
  }

  /** Moves a document's entries from its old keys to its new ones, touching only the keys that changed. */
  void replace(CollectionMetadata collection, IndexDescriptor index, StoredDocument before, BsonDocument after) {
    Set<IndexKey> oldKeys = IndexKeys.of(index, before.document());
    Set<IndexKey> newKeys = new LinkedHashSet<>(IndexKeys.of(index, after));
    for (IndexKey key : oldKeys) {
      if (!newKeys.remove(key)) {
        delete(entryKey(index, key, before.recordId()));
      }
    }
    for (IndexKey key : newKeys) {
      put(collection, index, key, before.recordId());
    }
  }

  private void put(CollectionMetadata collection, IndexDescriptor index, IndexKey key, long recordId) {
    byte[] entryKey = entryKey(index, key, recordId);
    if (index.isUnique()) {
      byte[] existing = read(entryKey);
      if (existing != null && KeyLayout.readLong(existing) != recordId) {
        throw DuplicateKeyError.of(collection.namespace(), index, key.value());
      }
    }
    staged.put(KeySpace.INDEXES, entryKey, index.isUnique() ? KeyLayout.longKey(recordId) : EMPTY);
  }

  private void delete(byte[] entryKey) {
    staged.delete(KeySpace.INDEXES, entryKey);
  }

  private byte[] read(byte[] entryKey) {
    return staged.get(KeySpace.INDEXES, entryKey);
  }

  private static byte[] entryKey(IndexDescriptor index, IndexKey key, long recordId) {
    return KeyLayout.indexKey(index.id(), key.encoded(), index.isUnique() ? null : recordId);
  }
}
