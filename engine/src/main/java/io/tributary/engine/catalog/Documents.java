package io.tributary.engine.catalog;

import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.ReadView;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads a collection's documents from a {@link ReadView}: a scan in natural (insertion) order, an index range
 * scan, a lookup by record id, and a lookup by {@code _id} through the {@code _id} index. Stateless.
 */
public final class Documents {
  private Documents() {}

  /** All documents in natural order ({@code reverse}: newest first). */
  public static DocumentCursor scan(ReadView view, CollectionMetadata collection, boolean reverse) {
    byte[] prefix = KeyLayout.longKey(collection.id());
    return documents(view.scan(KeySpace.DOCUMENTS, prefix, KeyLayout.prefixEnd(prefix), reverse));
  }

  /** The documents from record id {@code fromRecordId} on, in natural order. */
  public static DocumentCursor scanFrom(ReadView view, CollectionMetadata collection, long fromRecordId) {
    byte[] prefix = KeyLayout.longKey(collection.id());
    return documents(view.scan(KeySpace.DOCUMENTS, KeyLayout.documentKey(collection.id(), fromRecordId),
        KeyLayout.prefixEnd(prefix), false));
  }

  private static DocumentCursor documents(KeyValueIterator it) {
    return DocumentCursor.map(it,
        kv -> new StoredDocument(KeyLayout.recordIdOf(kv.key()), BsonBytes.decode(kv.value())), it::close);
  }

  /**
   * The documents whose keys in {@code index} lie in {@code [low, high)} (encoded keys as {@link IndexKeys#encode}
   * produces them; a null bound is open), in index order ({@code reverse}: descending). A multikey document
   * appears once per matching key; callers that need each document once deduplicate by record id.
   */
  public static DocumentCursor scanIndex(ReadView view, CollectionMetadata collection, IndexDescriptor index,
      byte[] low, byte[] high, boolean reverse) {
    byte[] prefix = KeyLayout.longKey(index.id());
    byte[] from = low == null ? prefix : KeyLayout.indexKey(index.id(), low, null);
    byte[] to = high == null ? KeyLayout.prefixEnd(prefix) : KeyLayout.indexKey(index.id(), high, null);
    KeyValueIterator it = view.scan(KeySpace.INDEXES, from, to, reverse);
    return DocumentCursor.map(it, entry -> {
      long recordId = KeyLayout.recordIdOf(index, entry);
      return get(view, collection, recordId).orElseThrow(() ->
          new IllegalStateException("index " + index.name() + " points at missing record " + recordId));
    }, it::close);
  }

  public static Optional<StoredDocument> get(ReadView view, CollectionMetadata collection, long recordId) {
    byte[] value = view.get(KeySpace.DOCUMENTS, KeyLayout.documentKey(collection.id(), recordId));
    return value == null ? Optional.empty() : Optional.of(new StoredDocument(recordId, BsonBytes.decode(value)));
  }

  /** The document whose {@code _id} equals {@code id} (MongoDB equality: 1 and 1.0 are the same key). */
  public static Optional<StoredDocument> findById(ReadView view, CollectionMetadata collection, BsonValue id) {
    Long recordId = uniqueIndexRecordId(view, collection.idIndex(), new BsonDocument("_id", id));
    return recordId == null ? Optional.empty() : get(view, collection, recordId);
  }

  /** The record id a unique index maps {@code keyValue} to, or null. */
  static Long uniqueIndexRecordId(ReadView view, IndexDescriptor index, BsonDocument keyValue) {
    byte[] key = KeyLayout.indexKey(index.id(), IndexKeys.encode(index.keyPattern(), keyValue, index.collation()), null);
    byte[] value = view.get(KeySpace.INDEXES, key);
    return value == null ? null : KeyLayout.readLong(value);
  }

}
