package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonValue;

/**
 * Reads the operand of a bitwise query operator: a non-negative integral bitmask, binary data used as a bitmask,
 * or an array of non-negative bit positions. Stateless and thread-safe.
 */
final class BitOperand {
  private BitOperand() {}

  static ValuePredicate parse(String name, BitTest.Mode mode, BsonValue operand) {
    List<Long> positions = new ArrayList<>();
    if (operand.isArray()) {
      for (BsonValue position : operand.asArray()) {
        positions.add(nonNegative(name, position, "bit positions"));
      }
    } else if (operand.isBinary()) {
      byte[] mask = operand.asBinary().getData();
      for (int bit = 0; bit < mask.length * 8; bit++) {
        if ((mask[bit / 8] >> (bit % 8) & 1) == 1) {
          positions.add((long) bit);
        }
      }
    } else if (operand.isNumber() || operand.isDecimal128()) {
      long mask = nonNegative(name, operand, "bitmask");
      for (int bit = 0; bit < 63; bit++) {
        if ((mask >>> bit & 1) == 1) {
          positions.add((long) bit);
        }
      }
    } else {
      throw ErrorCode.BAD_VALUE.error(
          name + " takes an Array, a number, or a BinData but received: " + name + ": " + Values.format(operand));
    }
    return new BitTest(mode, List.copyOf(positions));
  }

  private static long nonNegative(String name, BsonValue value, String what) {
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.BAD_VALUE.error(
          "Failed to parse " + what + " for " + name + ": not a number: " + Values.format(value));
    }
    double number = Numbers.toDouble(value);
    if (number != Math.rint(number) || number < 0 || number > Long.MAX_VALUE) {
      throw ErrorCode.BAD_VALUE.error(
          "Failed to parse " + what + " for " + name + ": must be a non-negative integer: " + Values.format(value));
    }
    return value.isInt64() ? value.asInt64().getValue() : (long) number;
  }
}
