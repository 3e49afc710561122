package io.tributary.engine.bson;

import java.util.Map;
import java.util.Optional;
import org.bson.BsonType;

/**
 * MongoDB's type aliases and numeric codes ({@code "double"} = 1 ... {@code "decimal"} = 19, {@code "minKey"} =
 * -1, {@code "maxKey"} = 127), as {@code $type} (query and aggregation) and {@code $jsonSchema.bsonType} use
 * them. The alias {@code "number"} stands for all four numeric types and has no code. Stateless and thread-safe.
 */
public final class BsonTypeName {
  private static final Map<String, BsonType> BY_NAME = Map.ofEntries(
      Map.entry("double", BsonType.DOUBLE), Map.entry("string", BsonType.STRING),
      Map.entry("object", BsonType.DOCUMENT), Map.entry("array", BsonType.ARRAY),
      Map.entry("binData", BsonType.BINARY), Map.entry("undefined", BsonType.UNDEFINED),
      Map.entry("objectId", BsonType.OBJECT_ID), Map.entry("bool", BsonType.BOOLEAN),
      Map.entry("date", BsonType.DATE_TIME), Map.entry("null", BsonType.NULL),
      Map.entry("regex", BsonType.REGULAR_EXPRESSION), Map.entry("dbPointer", BsonType.DB_POINTER),
      Map.entry("javascript", BsonType.JAVASCRIPT), Map.entry("symbol", BsonType.SYMBOL),
      Map.entry("javascriptWithScope", BsonType.JAVASCRIPT_WITH_SCOPE), Map.entry("int", BsonType.INT32),
      Map.entry("timestamp", BsonType.TIMESTAMP), Map.entry("long", BsonType.INT64),
      Map.entry("decimal", BsonType.DECIMAL128), Map.entry("minKey", BsonType.MIN_KEY),
      Map.entry("maxKey", BsonType.MAX_KEY));

  private BsonTypeName() {}

  /** The type with this alias ({@code "number"} excluded). */
  public static Optional<BsonType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The type with this numeric code, if any. */
  public static Optional<BsonType> byCode(int code) {
    for (BsonType type : BY_NAME.values()) {
      if (codeOf(type) == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The alias of {@code type}, e.g. {@code "objectId"}; the name the aggregation {@code $type} returns. */
  public static String nameOf(BsonType type) {
    for (Map.Entry<String, BsonType> entry : BY_NAME.entrySet()) {
      if (entry.getValue() == type) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("no alias for " + type);
  }

  /** MongoDB's numeric code of {@code type}: -1 for MinKey, 127 for MaxKey. */
  public static int codeOf(BsonType type) {
    return type == BsonType.MIN_KEY ? -1 : type.getValue();
  }
}
