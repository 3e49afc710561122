package io.tributary.engine.query;

import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Reads a {@code $type} operand: an alias ({@code "string"}, {@code "number"}), a numeric code, or an array of
 * them. Stateless and thread-safe.
 */
final class TypeOperand {
  private static final Set<BsonType> NUMBERS =
      EnumSet.of(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128);

  private TypeOperand() {}

  static ValuePredicate parse(BsonValue operand) {
    Set<BsonType> types = EnumSet.noneOf(BsonType.class);
    List<BsonValue> items = operand.isArray() ? operand.asArray() : List.of(operand);
    for (BsonValue item : items) {
      types.addAll(types(item));
    }
    return new ValuePredicate.TypeIs(Set.copyOf(types));
  }

  /** The types one alias or code names; also used by {@code $jsonSchema}'s {@code bsonType}. */
  static Set<BsonType> types(BsonValue item) {
    if (item.isString()) {
      String name = item.asString().getValue();
      if (name.equals("number")) {
        return NUMBERS;
      }
      return Set.of(BsonTypeName.byName(name)
          .orElseThrow(() -> ErrorCode.BAD_VALUE.error("Unknown type name alias: " + name)));
    }
    if (item.isNumber() || item.isDecimal128()) {
      double code = Numbers.toDouble(item);
      if (code != Math.rint(code)) {
        throw ErrorCode.BAD_VALUE.error("Invalid numerical type code: " + code);
      }
      return Set.of(BsonTypeName.byCode((int) code)
          .orElseThrow(() -> ErrorCode.BAD_VALUE.error("Invalid numerical type code: " + (long) code)));
    }
    throw ErrorCode.TYPE_MISMATCH.error("type must be represented as a number or a string");
  }
}
