package io.tributary.engine.catalog;

import io.tributary.engine.Namespace;
import io.tributary.engine.storage.KeyValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bson.BsonTimestamp;

/**
 * The byte layout of keys in the storage key spaces (docs/ARCHITECTURE.md "Storage layout"). Numbers are 8-byte
 * big-endian so that unsigned byte order is numeric order: a collection's documents are contiguous and in
 * record-id (insertion) order, an index's entries are contiguous and in key order, the oplog is in cluster-time
 * order. Stateless.
 */
public final class KeyLayout {
  private KeyLayout() {}

  /** CATALOG key of a collection: its UTF-8 full name; a database's collections share the prefix {@code "db."}. */
  public static byte[] catalogKey(Namespace namespace) {
    return namespace.fullName().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] databasePrefix(String db) {
    return (db + ".").getBytes(StandardCharsets.UTF_8);
  }

  /** DOCUMENTS key: collection id + record id. */
  public static byte[] documentKey(long collectionId, long recordId) {
    return ByteBuffer.allocate(16).putLong(collectionId).putLong(recordId).array();
  }

  public static long recordIdOf(byte[] documentKey) {
    return ByteBuffer.wrap(documentKey, 8, 8).getLong();
  }

  /** INDEXES key of a unique index entry (value: the record id) or, with a record id, of a non-unique one. */
  public static byte[] indexKey(long indexId, byte[] encodedKey, Long recordId) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + encodedKey.length + (recordId == null ? 0 : 8));
    buffer.putLong(indexId).put(encodedKey);
    if (recordId != null) {
      buffer.putLong(recordId);
    }
    return buffer.array();
  }

  /** The record id an INDEXES entry points at: a unique index's value, or the last 8 bytes of another's key. */
  public static long recordIdOf(IndexDescriptor index, KeyValue entry) {
    byte[] key = entry.key();
    return index.isUnique() ? readLong(entry.value()) : ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }

  /** OPLOG key: the timestamp's 64-bit value (seconds, then increment) big-endian. */
  public static byte[] oplogKey(BsonTimestamp time) {
    return longKey(time.getValue());
  }

  public static BsonTimestamp oplogTime(byte[] key) {
    return new BsonTimestamp(ByteBuffer.wrap(key).getLong());
  }

  /** An 8-byte big-endian id: the prefix of a collection's documents or an index's entries. */
  public static byte[] longKey(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  public static long readLong(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** The smallest key greater than every key starting with {@code prefix}, or null when there is none. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }
}
