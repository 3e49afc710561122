package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * {@code $convert}'s conversion table: a non-null value to double, string, objectId, bool, date, int, long or
 * decimal. Unsupported or failed conversions raise ConversionFailure (241) with mongod's wording.
 */
final class Conversions {
  private Conversions() {}

  static BsonValue convert(BsonValue value, BsonType target) {
    switch (target) {
      case DOUBLE:
        return new BsonDouble(toDecimalOrDouble(value, target).doubleValue());
      case DECIMAL128:
        return Numbers.decimal(toDecimalOrDouble(value, target));
      case INT32:
        return new BsonInt32((int) integral(value, target, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case INT64:
        return new BsonInt64(integral(value, target, Long.MIN_VALUE, Long.MAX_VALUE));
      case STRING:
        return new BsonString(string(value));
      case BOOLEAN:
        return BsonBoolean.valueOf(bool(value));
      case DATE_TIME:
        return new BsonDateTime(date(value));
      case OBJECT_ID:
        return objectId(value);
      default:
        throw unsupported(value, target);
    }
  }

  static MongoError unsupported(BsonValue value, BsonType target) {
    return ErrorCode.CONVERSION_FAILURE.error("Unsupported conversion from " + Values.typeName(value) + " to "
        + Values.typeName(target == BsonType.NULL ? value : sample(target))
        + " in $convert with no onError value");
  }

  private static BsonValue sample(BsonType type) {
    switch (type) {
      case DOUBLE: return new BsonDouble(0);
      case STRING: return new BsonString("");
      case BOOLEAN: return BsonBoolean.TRUE;
      case DATE_TIME: return new BsonDateTime(0);
      case INT32: return new BsonInt32(0);
      case INT64: return new BsonInt64(0);
      case OBJECT_ID: return new BsonObjectId();
      default: return Numbers.decimal(BigDecimal.ZERO);
    }
  }

  private static BigDecimal toDecimalOrDouble(BsonValue value, BsonType target) {
    switch (value.getBsonType()) {
      case INT32:
      case INT64:
      case DOUBLE:
      case DECIMAL128:
        return Numbers.toDecimal(value);
      case BOOLEAN:
        return value.asBoolean().getValue() ? BigDecimal.ONE : BigDecimal.ZERO;
      case DATE_TIME:
        return BigDecimal.valueOf(value.asDateTime().getValue());
      case STRING:
        return parseNumber(value.asString().getValue());
      default:
        throw unsupported(value, target);
    }
  }

  private static BigDecimal parseNumber(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw ErrorCode.CONVERSION_FAILURE.error("Failed to parse number '" + text
          + "' in $convert with no onError value: Did not consume whole string.");
    }
  }

  private static long integral(BsonValue value, BsonType target, long min, long max) {
    if (value.isString()) {
      try {
        return rangeChecked(new BigDecimal(Long.parseLong(value.asString().getValue().trim())), min, max, value);
      } catch (NumberFormatException e) {
        throw ErrorCode.CONVERSION_FAILURE.error("Failed to parse number '" + value.asString().getValue()
            + "' in $convert with no onError value: Did not consume whole string.");
      }
    }
    if (value.isDateTime() && target == BsonType.INT64) {
      return value.asDateTime().getValue();
    }
    if (value.isDateTime()) {
      throw unsupported(value, target);
    }
    if (Numbers.isNaN(value)) {
      throw ErrorCode.CONVERSION_FAILURE.error(
          "Attempt to convert NaN value to integer type in $convert with no onError value");
    }
    if (value.isDouble() && Double.isInfinite(value.asDouble().getValue())) {
      throw ErrorCode.CONVERSION_FAILURE.error(
          "Attempt to convert infinity value to integer type in $convert with no onError value");
    }
    BigDecimal number = toDecimalOrDouble(value, target).setScale(0, RoundingMode.DOWN);
    return rangeChecked(number, min, max, value);
  }

  private static long rangeChecked(BigDecimal number, long min, long max, BsonValue original) {
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ErrorCode.CONVERSION_FAILURE.error("Conversion would overflow target type in $convert with no onError "
          + "value: " + Values.format(original));
    }
    return number.longValueExact();
  }

  private static String string(BsonValue value) {
    switch (value.getBsonType()) {
      case STRING:
      case INT32:
      case INT64:
      case DOUBLE:
      case DECIMAL128:
      case DATE_TIME:
        return Strings.coerce(value);
      case BOOLEAN:
        return Boolean.toString(value.asBoolean().getValue());
      case OBJECT_ID:
        return value.asObjectId().getValue().toHexString();
      default:
        throw unsupported(value, BsonType.STRING);
    }
  }

  private static boolean bool(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT:
      case ARRAY:
      case BINARY:
      case REGULAR_EXPRESSION:
        throw unsupported(value, BsonType.BOOLEAN);
      default:
        return Values.truthy(value);
    }
  }

  private static long date(BsonValue value) {
    switch (value.getBsonType()) {
      case DATE_TIME:
      case TIMESTAMP:
      case OBJECT_ID:
        return Dates.instant(value).toEpochMilli();
      case INT64:
      case DOUBLE:
      case DECIMAL128:
        return integral(value, BsonType.INT64, Long.MIN_VALUE, Long.MAX_VALUE);
      case STRING:
        Instant instant = Dates.parse(value.asString().getValue(), ZoneOffset.UTC);
        return instant.toEpochMilli();
      default:
        throw unsupported(value, BsonType.DATE_TIME);
    }
  }

  private static BsonValue objectId(BsonValue value) {
    if (value.isObjectId()) {
      return value;
    }
    if (value.isString()) {
      String hex = value.asString().getValue();
      if (ObjectId.isValid(hex)) {
        return new BsonObjectId(new ObjectId(hex));
      }
      throw ErrorCode.CONVERSION_FAILURE.error("Failed to parse objectId '" + hex
          + "' in $convert with no onError value: Invalid string length for parsing to OID, expected 24 but found "
          + hex.length());
    }
    throw unsupported(value, BsonType.OBJECT_ID);
  }
}
