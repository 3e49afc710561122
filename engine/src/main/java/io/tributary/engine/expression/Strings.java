package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bson.BsonValue;

/** mongod's string coercion ({@code coerceToString}) used by the lenient string operators. */
final class Strings {
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Strings() {}

  /** Null and missing become "", numbers and dates their text; other types fail with 16007. */
  static String coerce(BsonValue value) {
    if (Values.isNullish(value)) {
      return "";
    }
    switch (value.getBsonType()) {
      case STRING:
        return value.asString().getValue();
      case SYMBOL:
        return value.asSymbol().getSymbol();
      case INT32:
      case INT64:
      case DOUBLE:
      case DECIMAL128:
        return Values.format(value);
      case DATE_TIME:
        return ISO_MILLIS.format(Instant.ofEpochMilli(value.asDateTime().getValue()));
      case TIMESTAMP:
        return "Timestamp(" + value.asTimestamp().getTime() + ", " + value.asTimestamp().getInc() + ")";
      default:
        throw ErrorCode.location(16007).error("can't convert from BSON type " + Values.typeName(value)
            + " to String");
    }
  }

  /** ASCII-only case mapping, as mongod's {@code $toLower}/{@code $toUpper} do it. */
  static String asciiCase(String text, boolean upper) {
    StringBuilder result = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean convert = upper ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z';
      result.append(convert ? (char) (c ^ 0x20) : c);
    }
    return result.toString();
  }
}
