package io.tributary.engine.command.ddl;

import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.catalog.CappedLimits;
import io.tributary.engine.catalog.CollectionMetadata;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The {@code capped}, {@code size} and {@code max} options of {@code create} (and the {@code size}/{@code max} of
 * {@code convertToCapped}, {@code cloneCollectionAsCapped}), checked as mongod 7.0 checks them and stored as it
 * lists them: first in the options, {@code {capped: true, size, [max]}}, nothing when not capped. The size is kept
 * as given (mongod 6.2+ no longer rounds it up to a multiple of 256, featureFlagCappedCollectionsRelaxedSize); a
 * {@code max} of zero or less means no limit and is stored as 2^31 - 1, as mongod does. Stateless.
 */
final class CappedOptions {
  static final long MAX_SIZE = 1L << 50; // 1 PB
  private static final long NO_MAX = Integer.MAX_VALUE;

  private CappedOptions() {}

  /** {@code options} with the capped options checked and moved to the front in mongod's form. */
  static BsonDocument normalize(BsonDocument options) {
    boolean capped = safeBool(options.get("capped"));
    Long size = safeInt64("create.size", options.get("size"));
    Long max = safeInt64("create.max", options.get("max"));
    checkLimits(size, max);
    if (capped && size == null) {
      throw ErrorCode.INVALID_OPTIONS.error("the 'size' field is required when 'capped' is true");
    }
    if (!capped && (size != null || max != null)) {
      throw ErrorCode.INVALID_OPTIONS.error(
          "the 'capped' field needs to be true when either the 'size' or 'max' fields are present");
    }
    BsonDocument normalized = capped ? limits(size, max) : new BsonDocument();
    options.forEach((field, value) -> {
      if (!field.equals("capped") && !field.equals("size") && !field.equals("max")) {
        normalized.append(field, value);
      }
    });
    return normalized;
  }

  /**
   * {@code collMod}'s {@code cappedSize} and {@code cappedMax} (mongod 6.0+): the new limits go into
   * {@code options} and the values given into {@code changes}; the next insert deletes what they exclude.
   */
  static void modify(CollectionMetadata collection, BsonDocument command, BsonDocument options,
      BsonDocument changes) {
    Long size = safeInt64("collMod.cappedSize", command.get("cappedSize"));
    Long max = safeInt64("collMod.cappedMax", command.get("cappedMax"));
    if (size == null && max == null) {
      return;
    }
    if (!collection.isCapped()) {
      throw ErrorCode.INVALID_OPTIONS.error("Collection must be capped.");
    }
    if (size != null) {
      if (size < 0 || size > MAX_SIZE) {
        throw ErrorCode.BAD_VALUE.error(size < 0 ? "size has to be >= 0" : "size cannot exceed 1 PB");
      }
      options.put("size", CappedLimits.number(size));
      changes.append("cappedSize", command.get("cappedSize"));
    }
    if (max != null) {
      if (max >= 1L << 31) {
        throw ErrorCode.BAD_VALUE.error("max in a capped collection has to be < 2^31 or not set");
      }
      options.put("max", CappedLimits.number(max <= 0 ? NO_MAX : max));
      changes.append("cappedMax", command.get("cappedMax"));
    }
  }

  /** {@code {capped: true, size, [max]}}; the caller checked them ({@link #checkLimits}). */
  static BsonDocument limits(long size, Long max) {
    return new CappedLimits(size, max == null ? 0 : max <= 0 ? NO_MAX : max).toOptions();
  }

  /** The range checks of mongod's IDL on whichever of {@code size} and {@code max} are given (not null). */
  static void checkLimits(Long size, Long max) {
    if (size != null) {
      checkRange("size", size, size >= 1, ">= 1");
      checkRange("size", size, size <= MAX_SIZE, "<= " + MAX_SIZE);
    }
    if (max != null) {
      checkRange("max", max, max < 1L << 31, "< " + (1L << 31));
    }
  }

  private static void checkRange(String field, long value, boolean valid, String bound) {
    if (!valid) {
      throw ErrorCode.location(51024).error("BSON field '" + field + "' value must be " + bound
          + ", actual value '" + value + "'");
    }
  }

  private static boolean safeBool(BsonValue value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean().getValue();
    }
    if (value.isNumber()) {
      return value.asNumber().doubleValue() != 0;
    }
    throw wrongType("create.capped", value, "[bool, long, int, decimal, double]");
  }

  static Long safeInt64(String field, BsonValue value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asNumber().longValue();
    }
    if (value.isDecimal128()) {
      return value.asDecimal128().getValue().bigDecimalValue().longValue();
    }
    throw wrongType(field, value, "[long, int, decimal, double]");
  }

  private static RuntimeException wrongType(String field, BsonValue value, String expected) {
    return ErrorCode.TYPE_MISMATCH.error("BSON field '" + field + "' is the wrong type '"
        + BsonTypeName.nameOf(value.getBsonType()) + "', expected types '" + expected + "'");
  }
}
