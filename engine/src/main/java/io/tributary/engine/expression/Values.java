package io.tributary.engine.expression;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.BsonTypeName;
import java.util.Comparator;
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

  private Values() {}

  /** The {@code $type} name of a value; "missing" for null. */
  public static String typeName(BsonValue value) {
    return value == null ? "missing" : BsonTypeName.nameOf(value.getBsonType());
  }

  /** The BSON type whose {@code $type} name is {@code name}, or null. */
  public static BsonType typeNamed(String name) {
    return BsonTypeName.byName(name).orElse(null);
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
    return compare(left, right, null);
  }

  /** {@link #compare(BsonValue, BsonValue)} with strings compared by {@code strings} (null: binary order). */
  public static int compare(BsonValue left, BsonValue right, Comparator<String> strings) {
    if (left == null || right == null) {
      return left == right ? 0 : left == null ? -1 : 1;
    }
    return BsonOrder.compare(left, right, strings);
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
