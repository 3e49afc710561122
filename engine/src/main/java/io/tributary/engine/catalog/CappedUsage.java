package io.tributary.engine.catalog;

import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.storage.ReadView;

/**
 * How full a capped collection is: its number of documents and their total BSON size (mongod's {@code numRecords}
 * and {@code dataSize}), and a lower bound of its oldest record id, where the next eviction starts scanning (so it
 * does not walk over the tombstones of earlier evictions, like mongod's {@code cappedFirstRecord}). Immutable.
 */
record CappedUsage(long count, long bytes, long oldestRecordId) {
  /** The usage of {@code collection} as {@code view} holds it, counted by one scan. */
  static CappedUsage scan(ReadView view, CollectionMetadata collection) {
    long count = 0;
    long bytes = 0;
    long oldest = 0;
    try (DocumentCursor documents = Documents.scan(view, collection, false)) {
      while (documents.hasNext()) {
        StoredDocument stored = documents.next();
        oldest = count++ == 0 ? stored.recordId() : oldest;
        bytes += BsonBytes.size(stored.document());
      }
    }
    return new CappedUsage(count, bytes, oldest);
  }

  /** After adding {@code documents} documents of {@code size} bytes in total (negative: removing them). */
  CappedUsage plus(long documents, long size) {
    return new CappedUsage(count + documents, bytes + size, oldestRecordId);
  }

  /** With the oldest record known to be at or after {@code recordId}. */
  CappedUsage oldestFrom(long recordId) {
    return new CappedUsage(count, bytes, Math.max(oldestRecordId, recordId));
  }
}
