package io.tributary.engine.update;

import java.math.BigDecimal;
import org.bson.BsonValue;

/**
 * Reads an integer operand the way mongod's {@code parseIntegerElementToLong} does: an int, a long, or a double or
 * decimal with an integral value that fits in a long. Stateless.
 */
final class IntegerArgument {
  private IntegerArgument() {}

  /** The value as a long, or null when it is not an integer. */
  static Long toLong(BsonValue value) {
    if (value.isInt32()) {
      return (long) value.asInt32().getValue();
    }
    if (value.isInt64()) {
      return value.asInt64().getValue();
    }
    if (value.isDouble()) {
      double d = value.asDouble().getValue();
      return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 ? (long) d : null;
    }
    if (value.isDecimal128() && value.asDecimal128().getValue().isFinite()) {
      BigDecimal decimal = value.asDecimal128().getValue().bigDecimalValue();
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException notAnInteger) {
        return null;
      }
    }
    return null;
  }
}
