package io.tributary.engine.catalog;

import java.util.Arrays;
import org.bson.BsonDocument;

/**
 * One key a document contributes to an index.
 *
 * @param value the key as {@code keyValue} reports it in a duplicate key error ({@code {a: 1, b: "x"}})
 * @param encoded the order-preserving bytes stored after the index id
 */
public record IndexKey(BsonDocument value, byte[] encoded) {
  @Override
  public boolean equals(Object other) {
    return other instanceof IndexKey key && Arrays.equals(encoded, key.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return value.toJson();
  }
}
