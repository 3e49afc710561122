package io.tributary.engine.update;

import java.math.BigDecimal;
import java.math.MathContext;
import org.bson.BsonDecimal128;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Number arithmetic with mongod's type promotion ({@code SafeNum}): the result has the wider operand type
 * (int &lt; long &lt; double &lt; decimal); int overflow widens to long and long overflow to double. Bitwise operations
 * take int and long only. Stateless.
 */
final class Arithmetic {
  private Arithmetic() {}

  static boolean isNumber(BsonValue value) {
    return value.isInt32() || value.isInt64() || value.isDouble() || value.isDecimal128();
  }

  /**
   * {@code SafeNum::isIdentical}: same type and equal value, doubles compared with {@code ==} (so -0 is 0 and NaN
   * is never identical) and decimals by value.
   */
  static boolean identical(BsonValue left, BsonValue right) {
    if (left.getBsonType() != right.getBsonType()) {
      return false;
    }
    if (left.isDouble()) {
      return left.asDouble().getValue() == right.asDouble().getValue();
    }
    if (left.isDecimal128()) {
      Decimal128 a = left.asDecimal128().getValue();
      Decimal128 b = right.asDecimal128().getValue();
      return !a.isNaN() && !b.isNaN() && (a.isInfinite() || b.isInfinite() ? a.equals(b)
          : exact(a).compareTo(exact(b)) == 0);
    }
    return left.equals(right);
  }

  static BsonValue add(BsonValue left, BsonValue right) {
    if (left.isDecimal128() || right.isDecimal128()) {
      return decimal(left, right, true);
    }
    if (left.isDouble() || right.isDouble()) {
      return new BsonDouble(doubleOf(left) + doubleOf(right));
    }
    if (left.isInt64() || right.isInt64()) {
      long a = longOf(left);
      long b = longOf(right);
      long sum = a + b;
      return ((a ^ sum) & (b ^ sum)) < 0 ? new BsonDouble((double) a + (double) b) : new BsonInt64(sum);
    }
    long sum = (long) left.asInt32().getValue() + right.asInt32().getValue();
    return sum == (int) sum ? new BsonInt32((int) sum) : new BsonInt64(sum);
  }

  static BsonValue multiply(BsonValue left, BsonValue right) {
    if (left.isDecimal128() || right.isDecimal128()) {
      return decimal(left, right, false);
    }
    if (left.isDouble() || right.isDouble()) {
      return new BsonDouble(doubleOf(left) * doubleOf(right));
    }
    if (left.isInt64() || right.isInt64()) {
      long a = longOf(left);
      long b = longOf(right);
      long high = Math.multiplyHigh(a, b);
      long product = a * b;
      boolean overflow = (high != 0 || product < 0) && (high != -1 || product >= 0);
      return overflow ? new BsonDouble((double) a * (double) b) : new BsonInt64(product);
    }
    long product = (long) left.asInt32().getValue() * right.asInt32().getValue();
    return product == (int) product ? new BsonInt32((int) product) : new BsonInt64(product);
  }

  /** {@code and}, {@code or} or {@code xor} of two integers; long if either is long. */
  static BsonValue bitwise(String operator, BsonValue left, BsonValue right) {
    long a = longOf(left);
    long b = longOf(right);
    long result = operator.equals("and") ? a & b : operator.equals("or") ? a | b : a ^ b;
    return left.isInt64() || right.isInt64() ? new BsonInt64(result) : new BsonInt32((int) result);
  }

  private static BsonValue decimal(BsonValue left, BsonValue right, boolean add) {
    Decimal128 a = decimalOf(left);
    Decimal128 b = decimalOf(right);
    if (a.isNaN() || b.isNaN() || a.isInfinite() || b.isInfinite()) {
      double result = add ? a.doubleValue() + b.doubleValue() : a.doubleValue() * b.doubleValue();
      return new BsonDecimal128(Double.isNaN(result) ? Decimal128.NaN
          : result > 0 ? Decimal128.POSITIVE_INFINITY : Decimal128.NEGATIVE_INFINITY);
    }
    BigDecimal x = exact(a);
    BigDecimal y = exact(b);
    BigDecimal result = add ? x.add(y, MathContext.DECIMAL128) : x.multiply(y, MathContext.DECIMAL128);
    return new BsonDecimal128(new Decimal128(result));
  }

  /** The finite decimal's value; -0, which BigDecimal cannot hold, is 0. */
  private static BigDecimal exact(Decimal128 decimal) {
    try {
      return decimal.bigDecimalValue();
    } catch (ArithmeticException negativeZero) {
      return BigDecimal.ZERO;
    }
  }

  private static Decimal128 decimalOf(BsonValue value) {
    if (value.isDecimal128()) {
      return value.asDecimal128().getValue();
    }
    if (value.isDouble()) {
      double d = value.asDouble().getValue();
      if (Double.isNaN(d)) {
        return Decimal128.NaN;
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? Decimal128.POSITIVE_INFINITY : Decimal128.NEGATIVE_INFINITY;
      }
      return new Decimal128(new BigDecimal(Double.toString(d)));
    }
    return new Decimal128(longOf(value));
  }

  private static double doubleOf(BsonValue value) {
    return value.isDouble() ? value.asDouble().getValue() : longOf(value);
  }

  private static long longOf(BsonValue value) {
    return value.isInt64() ? value.asInt64().getValue() : value.asInt32().getValue();
  }
}
