package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.bson.BsonDateTime;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * {@code $add $subtract $multiply $divide $mod $abs $ceil $floor $round $trunc $sqrt $pow $exp $ln $log $log10}.
 * A null or missing operand gives null. {@code $add} and {@code $subtract} also do date arithmetic in
 * milliseconds.
 */
final class ArithmeticOperators {
  private ArithmeticOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$add", ArithmeticOperators::add);
    table.binary("$subtract", ArithmeticOperators::subtract);
    table.variadic("$multiply", ArithmeticOperators::multiply);
    table.binary("$divide", ArithmeticOperators::divide);
    table.binary("$mod", ArithmeticOperators::mod);
    table.unary("$abs", v -> numeric("$abs", v, ArithmeticOperators::abs));
    table.unary("$ceil", v -> numeric("$ceil", v, n -> roundTo(n, 0, RoundingMode.CEILING)));
    table.unary("$floor", v -> numeric("$floor", v, n -> roundTo(n, 0, RoundingMode.FLOOR)));
    table.ranged("$round", 1, 2, a -> round("$round", a, RoundingMode.HALF_EVEN));
    table.ranged("$trunc", 1, 2, a -> round("$trunc", a, RoundingMode.DOWN));
    table.unary("$sqrt", v -> numeric("$sqrt", v, n -> sqrt(n)));
    table.unary("$exp", v -> numeric("$exp", v, n -> real(n, Math::exp)));
    table.unary("$ln", v -> numeric("$ln", v, n -> real(positive(n, 28766, "$ln's"), Math::log)));
    table.unary("$log10", v -> numeric("$log10", v, n -> real(positive(n, 28761, "$log10's"), Math::log10)));
    table.binary("$log", ArithmeticOperators::log);
    table.binary("$pow", ArithmeticOperators::pow);
  }

  private static BsonValue add(List<BsonValue> arguments) {
    BsonValue total = new BsonInt32(0);
    BsonDateTime date = null;
    for (BsonValue argument : arguments) {
      if (Values.isNullish(argument)) {
        return BsonNull.VALUE;
      }
      if (argument.isDateTime()) {
        if (date != null) {
          throw ErrorCode.location(16612).error("only one date allowed in an $add expression");
        }
        date = argument.asDateTime();
      } else if (Numbers.isNumber(argument)) {
        total = Numbers.add(total, argument);
      } else {
        throw ErrorCode.TYPE_MISMATCH.error("$add only supports numeric or date types, not "
            + Values.typeName(argument));
      }
    }
    return date == null ? total : new BsonDateTime(date.getValue() + Math.round(Numbers.toDouble(total)));
  }

  private static BsonValue subtract(BsonValue left, BsonValue right) {
    if (Values.isNullish(left) || Values.isNullish(right)) {
      return BsonNull.VALUE;
    }
    if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
      return Numbers.subtract(left, right);
    }
    if (left.isDateTime() && right.isDateTime()) {
      return new BsonInt64(left.asDateTime().getValue() - right.asDateTime().getValue());
    }
    if (left.isDateTime() && Numbers.isNumber(right)) {
      return new BsonDateTime(left.asDateTime().getValue() - Math.round(Numbers.toDouble(right)));
    }
    throw ErrorCode.location(16556).error("can't $subtract " + Values.typeName(right) + " from "
        + Values.typeName(left));
  }

  private static BsonValue multiply(List<BsonValue> arguments) {
    BsonValue product = new BsonInt32(1);
    for (BsonValue argument : arguments) {
      if (Values.isNullish(argument)) {
        return BsonNull.VALUE;
      }
      if (!Numbers.isNumber(argument)) {
        throw ErrorCode.location(16555).error("$multiply only supports numeric types, not "
            + Values.typeName(argument));
      }
      product = Numbers.multiply(product, argument);
    }
    return product;
  }

  private static BsonValue divide(BsonValue left, BsonValue right) {
    if (Values.isNullish(left) || Values.isNullish(right)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(left) || !Numbers.isNumber(right)) {
      throw ErrorCode.location(16609).error("$divide only supports numeric types, not " + Values.typeName(left)
          + " and " + Values.typeName(right));
    }
    if (Numbers.isZero(right)) {
      throw ErrorCode.BAD_VALUE.error("can't $divide by zero");
    }
    return Numbers.divide(left, right);
  }

  private static BsonValue mod(BsonValue left, BsonValue right) {
    if (Values.isNullish(left) || Values.isNullish(right)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(left) || !Numbers.isNumber(right)) {
      throw ErrorCode.location(16611).error("$mod only supports numeric types, not " + Values.typeName(left)
          + " and " + Values.typeName(right));
    }
    if (Numbers.isZero(right)) {
      throw ErrorCode.location(16610).error("can't $mod by zero");
    }
    return Numbers.mod(left, right);
  }

  /** Applies a one-number operator: null gives null, anything else but a number fails with 28765. */
  private static BsonValue numeric(String name, BsonValue value, UnaryOperator<BsonValue> op) {
    if (Values.isNullish(value)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(28765).error(name + " only supports numeric types, not " + Values.typeName(value));
    }
    return op.apply(value);
  }

  private static BsonValue abs(BsonValue value) {
    if (value.getBsonType() == BsonType.INT64 && value.asInt64().getValue() == Long.MIN_VALUE) {
      throw ErrorCode.location(28680).error("can't take $abs of long long min");
    }
    return Numbers.sign(value) < 0 ? Numbers.negate(value) : value;
  }

  private static BsonValue sqrt(BsonValue value) {
    if (Numbers.sign(value) < 0) {
      throw ErrorCode.location(28714).error("$sqrt's argument must be greater than or equal to 0");
    }
    return real(value, Math::sqrt);
  }

  private static BsonValue positive(BsonValue value, int code, String owner) {
    if (Numbers.sign(value) <= 0) {
      throw ErrorCode.location(code).error(owner + " argument must be a positive number, but is "
          + Values.format(value));
    }
    return value;
  }

  /** A real function: a double result, or a decimal one for a decimal argument. */
  private static BsonValue real(BsonValue value, DoubleUnaryOperator function) {
    double result = function.applyAsDouble(Numbers.toDouble(value));
    return value.isDecimal128() ? Numbers.decimal(new BigDecimal(result)) : new BsonDouble(result);
  }

  private static BsonValue log(BsonValue value, BsonValue base) {
    if (Values.isNullish(value) || Values.isNullish(base)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(28756).error("$log's argument must be numeric, not " + Values.typeName(value));
    }
    if (!Numbers.isNumber(base)) {
      throw ErrorCode.location(28757).error("$log's base must be numeric, not " + Values.typeName(base));
    }
    positive(value, 28758, "$log's");
    double b = Numbers.toDouble(base);
    if (b <= 0 || b == 1) {
      throw ErrorCode.location(28759).error("$log's base must be a positive number not equal to 1, but is "
          + Values.format(base));
    }
    return real(value, v -> Math.log(v) / Math.log(b));
  }

  private static BsonValue pow(BsonValue base, BsonValue exponent) {
    if (Values.isNullish(base) || Values.isNullish(exponent)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(base)) {
      throw ErrorCode.location(28762).error("$pow's base must be numeric, not " + Values.typeName(base));
    }
    if (!Numbers.isNumber(exponent)) {
      throw ErrorCode.location(28763).error("$pow's exponent must be numeric, not " + Values.typeName(exponent));
    }
    if (Numbers.isZero(base) && Numbers.sign(exponent) < 0) {
      throw ErrorCode.location(28764).error("$pow cannot take a base of 0 and a negative exponent");
    }
    int rank = Math.max(Numbers.rank(base), Numbers.rank(exponent));
    if (rank <= Numbers.LONG && Numbers.sign(exponent) >= 0) {
      return integralPower(base, exponent, rank);
    }
    double result = Math.pow(Numbers.toDouble(base), Numbers.toDouble(exponent));
    return rank == Numbers.DECIMAL ? Numbers.decimal(new BigDecimal(result)) : new BsonDouble(result);
  }

  /** An integral power stays integral (int if both were int and it fits, else long) until it overflows long. */
  private static BsonValue integralPower(BsonValue base, BsonValue exponent, int rank) {
    long e = Numbers.toLong(exponent);
    long b = Numbers.toLong(base);
    BigInteger result;
    if (Math.abs(b) <= 1) {
      // 0, 1 and -1 raised to any power stay within range; avoid BigInteger.pow with a huge exponent.
      result = BigInteger.valueOf(e == 0 ? 1 : b == -1 && e % 2 == 0 ? 1 : b);
    } else if (e > 64) {
      return new BsonDouble(Math.pow(b, e));
    } else {
      result = BigInteger.valueOf(b).pow((int) e);
    }
    if (result.bitLength() < 32 && rank == Numbers.INT) {
      return new BsonInt32(result.intValue());
    }
    return result.bitLength() < 64 ? new BsonInt64(result.longValue()) : new BsonDouble(result.doubleValue());
  }

  private static BsonValue round(String name, List<BsonValue> arguments, RoundingMode mode) {
    BsonValue value = arguments.get(0);
    BsonValue place = arguments.size() > 1 ? arguments.get(1) : new BsonInt32(0);
    if (Values.isNullish(value) || Values.isNullish(place)) {
      return BsonNull.VALUE;
    }
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(51081).error(name + " only supports numeric types, not " + Values.typeName(value));
    }
    if (!Numbers.isNumber(place) || Numbers.toDouble(place) != Math.rint(Numbers.toDouble(place))
        || Numbers.toLong(place) < -20 || Numbers.toLong(place) > 100) {
      throw ErrorCode.location(51083).error("cannot apply " + name + " with precision value "
          + Values.format(place) + " value must be in [-20, 100]");
    }
    return roundTo(value, (int) Numbers.toLong(place), mode);
  }

  /** Rounds to {@code place} decimal digits keeping the numeric type; NaN and infinities are unchanged. */
  private static BsonValue roundTo(BsonValue value, int place, RoundingMode mode) {
    if (Numbers.isNaN(value) || (value.isDouble() && Double.isInfinite(value.asDouble().getValue()))) {
      return value;
    }
    BigDecimal rounded = Numbers.toDecimal(value).setScale(place, mode);
    switch (Numbers.rank(value)) {
      case Numbers.INT:
        return new BsonInt32(rounded.intValue());
      case Numbers.LONG:
        return new BsonInt64(rounded.longValue());
      case Numbers.DOUBLE:
        return new BsonDouble(rounded.doubleValue());
      default:
        return Numbers.decimal(rounded);
    }
  }
}
