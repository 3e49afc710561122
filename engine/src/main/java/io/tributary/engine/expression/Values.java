package io.tributary.engine.expression;

import io.tributary.engine.bson.BsonOrder;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * What the aggregation language says about single values, with Java {@code null} standing for "missing":
 * type names as {@code $type} spells them, truthiness, the comparison order (missing sorts before null, then
 * {@link BsonOrder}) and mongod's rendering of values in error messages. Stateless and thread-safe.
 */
public final class Values {
  /** Expression order: missing &lt; null &lt; everything else in {@link BsonOrder}. */
  public static final Comparator<BsonValue> ORDER = Values::compare;

  private static final Map<BsonType, String> TYPE_NAMES = new EnumMap<>(BsonType.class);

  static {
    TYPE_NAMES.put(BsonType.DOUBLE, "double");
    TYPE_NAMES.put(BsonType.STRING, "string");
    TYPE_NAMES.put(BsonType.DOCUMENT, "object");
    TYPE_NAMES.put(BsonType.ARRAY, "array");
    TYPE_NAMES.put(BsonType.BINARY, "binData");
    TYPE_NAMES.put(BsonType.UNDEFINED, "undefined");
    TYPE_NAMES.put(BsonType.OBJECT_ID, "objectId");
    TYPE_NAMES.put(BsonType.BOOLEAN, "bool");
    TYPE_NAMES.put(BsonType.DATE_TIME, "date");
    TYPE_NAMES.put(BsonType.NULL, "null");
    TYPE_NAMES.put(BsonType.REGULAR_EXPRESSION, "regex");
    TYPE_NAMES.put(BsonType.DB_POINTER, "dbPointer");
    TYPE_NAMES.put(BsonType.JAVASCRIPT, "javascript");
    TYPE_NAMES.put(BsonType.SYMBOL, "symbol");
    TYPE_NAMES.put(BsonType.JAVASCRIPT_WITH_SCOPE, "javascriptWithScope");
    TYPE_NAMES.put(BsonType.INT32, "int");
    TYPE_NAMES.put(BsonType.TIMESTAMP, "timestamp");
    TYPE_NAMES.put(BsonType.INT64, "long");
    TYPE_NAMES.put(BsonType.DECIMAL128, "decimal");
    TYPE_NAMES.put(BsonType.MIN_KEY, "minKey");
    TYPE_NAMES.put(BsonType.MAX_KEY, "maxKey");
  }

  private Values() {}

  /** The {@code $type} name of a value; "missing" for null. */
  public static String typeName(BsonValue value) {
    return value == null ? "missing" : TYPE_NAMES.get(value.getBsonType());
  }

  /** The BSON type whose {@code $type} name is {@code name}, or null. */
  public static BsonType typeNamed(String name) {
    return TYPE_NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  /** True for missing and BSON null (and undefined, which mongod treats as null). */
  public static boolean isNullish(BsonValue value) {
    return value == null || value.isNull() || value.getBsonType() == BsonType.UNDEFINED;
  }

  /** The aggregation truth value: false, 0, null, undefined and missing are false; everything else is true. */
  public static boolean truthy(BsonValue value) {
    if (isNullish(value)) {
      return false;
    }
    switch (value.getBsonType()) {
      case BOOLEAN:
        return value.asBoolean().getValue();
      case INT32:
      case INT64:
      case DOUBLE:
      case DECIMAL128:
        return !Numbers.isZero(value);
      default:
        return true;
    }
  }

  public static int compare(BsonValue left, BsonValue right) {
    if (left == null || right == null) {
      return left == right ? 0 : left == null ? -1 : 1;
    }
    return BsonOrder.compare(left, right);
  }

  public static boolean equal(BsonValue left, BsonValue right) {
    return compare(left, right) == 0;
  }

  /** A value as mongod renders it in error messages ({@code {a: 1, b: "x"}}, {@code MISSING}). */
  public static String format(BsonValue value) {
    if (value == null) {
      return "MISSING";
    }
    switch (value.getBsonType()) {
      case STRING:
        return "\"" + value.asString().getValue() + "\"";
      case INT32:
        return Integer.toString(value.asInt32().getValue());
      case INT64:
        return Long.toString(value.asInt64().getValue());
      case DOUBLE:
        return Numbers.formatDouble(value.asDouble().getValue());
      case DECIMAL128:
        return value.asDecimal128().getValue().toString();
      case BOOLEAN:
        return Boolean.toString(value.asBoolean().getValue());
      case NULL:
        return "null";
      case DOCUMENT:
        return value.asDocument().entrySet().stream().map(e -> e.getKey() + ": " + format(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
      case ARRAY:
        return value.asArray().stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
      case OBJECT_ID:
        return "ObjectId('" + value.asObjectId().getValue().toHexString() + "')";
      default:
        return value.toString();
    }
  }
}
