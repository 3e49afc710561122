package io.tributary.engine.catalog;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNumber;
import org.bson.BsonValue;

/**
 * A capped collection's limits, as its options store them ({@code size}, {@code max}): the total BSON size of its
 * documents and, when {@code maxDocuments} is positive, their number. An insert that leaves the collection over
 * either limit deletes its oldest documents in the same commit ({@link WriteUnit#insert}). Immutable.
 */
public record CappedLimits(long maxBytes, long maxDocuments) {
  /** The limits in a collection's options, or null when the collection is not capped. */
  public static CappedLimits of(BsonDocument options) {
    if (!options.getBoolean("capped", BsonBoolean.FALSE).getValue()) {
      return null;
    }
    return new CappedLimits(number(options.get("size")), number(options.get("max")));
  }

  /** Whether {@code count} documents of {@code bytes} in total are over a limit. */
  public boolean exceededBy(long count, long bytes) {
    return bytes > maxBytes || maxDocuments > 0 && count > maxDocuments;
  }

  /** The options that store these limits, in mongod's order and number types: {@code {capped: true, size, [max]}}. */
  public BsonDocument toOptions() {
    BsonDocument options = new BsonDocument("capped", BsonBoolean.TRUE).append("size", number(maxBytes));
    return maxDocuments > 0 ? options.append("max", number(maxDocuments)) : options;
  }

  /** A number as mongod's {@code appendNumber} writes it: an Int32 when it is below 2^30, else an Int64. */
  public static BsonNumber number(long value) {
    return Math.abs(value) < 1L << 30 ? new BsonInt32((int) value) : new BsonInt64(value);
  }

  private static long number(BsonValue value) {
    return value != null && value.isNumber() ? value.asNumber().longValue() : 0;
  }
}
