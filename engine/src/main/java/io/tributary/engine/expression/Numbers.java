package io.tributary.engine.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import org.bson.BsonDecimal128;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * MongoDB's numeric arithmetic over int32, int64, double and decimal128: the result takes the widest operand
 * type (int &lt; long &lt; double &lt; decimal), and integer results that overflow widen (int to long, long to
 * double) instead of wrapping. Stateless and thread-safe.
 */
public final class Numbers {
  static final int INT = 0;
  static final int LONG = 1;
  static final int DOUBLE = 2;
  static final int DECIMAL = 3;

  private Numbers() {}

  public static boolean isNumber(BsonValue value) {
    return value != null && rank(value) >= 0;
  }

  /** The width of a numeric type (INT..DECIMAL), -1 for other values. */
  static int rank(BsonValue value) {
    switch (value.getBsonType()) {
      case INT32:
        return INT;
      case INT64:
        return LONG;
      case DOUBLE:
        return DOUBLE;
      case DECIMAL128:
        return DECIMAL;
      default:
        return -1;
    }
  }

  public static double toDouble(BsonValue value) {
    return rank(value) == DECIMAL ? value.asDecimal128().getValue().doubleValue() : value.asNumber().doubleValue();
  }

  public static long toLong(BsonValue value) {
    return rank(value) == DECIMAL ? value.asDecimal128().getValue().longValue() : value.asNumber().longValue();
  }

  public static BigDecimal toDecimal(BsonValue value) {
    switch (rank(value)) {
      case DECIMAL:
        // Via the text form: bigDecimalValue() rejects -0, which is numerically zero.
        return new BigDecimal(value.asDecimal128().getValue().toString());
      case DOUBLE:
        return new BigDecimal(Double.toString(value.asDouble().getValue()));
      default:
        return BigDecimal.valueOf(toLong(value));
    }
  }

  public static BsonValue decimal(BigDecimal value) {
    return new BsonDecimal128(new Decimal128(value.round(MathContext.DECIMAL128)));
  }

  /** The smallest integral BSON type holding {@code value}: int32 when it fits, else int64. */
  public static BsonValue integral(long value) {
    return value == (int) value ? new BsonInt32((int) value) : new BsonInt64(value);
  }

  static boolean isZero(BsonValue value) {
    if (rank(value) == DECIMAL) {
      Decimal128 decimal = value.asDecimal128().getValue();
      return !decimal.isNaN() && !decimal.isInfinite() && toDecimal(value).signum() == 0;
    }
    return toDouble(value) == 0;
  }

  static boolean isNaN(BsonValue value) {
    return (rank(value) == DOUBLE && Double.isNaN(value.asDouble().getValue()))
        || (rank(value) == DECIMAL && value.asDecimal128().getValue().isNaN());
  }

  public static BsonValue add(BsonValue a, BsonValue b) {
    switch (Math.max(rank(a), rank(b))) {
      case INT:
        return integral((long) a.asInt32().getValue() + b.asInt32().getValue());
      case LONG:
        try {
          return new BsonInt64(Math.addExact(toLong(a), toLong(b)));
        } catch (ArithmeticException overflow) {
          return new BsonDouble((double) toLong(a) + toLong(b));
        }
      case DOUBLE:
        return new BsonDouble(toDouble(a) + toDouble(b));
      default:
        return decimal(toDecimal(a).add(toDecimal(b), MathContext.DECIMAL128));
    }
  }

  public static BsonValue subtract(BsonValue a, BsonValue b) {
    switch (Math.max(rank(a), rank(b))) {
      case INT:
        return integral((long) a.asInt32().getValue() - b.asInt32().getValue());
      case LONG:
        try {
          return new BsonInt64(Math.subtractExact(toLong(a), toLong(b)));
        } catch (ArithmeticException overflow) {
          return new BsonDouble((double) toLong(a) - toLong(b));
        }
      case DOUBLE:
        return new BsonDouble(toDouble(a) - toDouble(b));
      default:
        return decimal(toDecimal(a).subtract(toDecimal(b), MathContext.DECIMAL128));
    }
  }

  public static BsonValue multiply(BsonValue a, BsonValue b) {
    switch (Math.max(rank(a), rank(b))) {
      case INT:
        return integral((long) a.asInt32().getValue() * b.asInt32().getValue());
      case LONG:
        try {
          return new BsonInt64(Math.multiplyExact(toLong(a), toLong(b)));
        } catch (ArithmeticException overflow) {
          return new BsonDouble((double) toLong(a) * toLong(b));
        }
      case DOUBLE:
        return new BsonDouble(toDouble(a) * toDouble(b));
      default:
        return decimal(toDecimal(a).multiply(toDecimal(b), MathContext.DECIMAL128));
    }
  }

  /** Division always yields a double, or a decimal when either operand is decimal; the divisor is non-zero. */
  public static BsonValue divide(BsonValue a, BsonValue b) {
    if (Math.max(rank(a), rank(b)) == DECIMAL) {
      return decimal(toDecimal(a).divide(toDecimal(b), MathContext.DECIMAL128));
    }
    return new BsonDouble(toDouble(a) / toDouble(b));
  }

  /** The remainder with the dividend's sign, in the widest operand type; the divisor is non-zero. */
  public static BsonValue mod(BsonValue a, BsonValue b) {
    switch (Math.max(rank(a), rank(b))) {
      case INT:
        return new BsonInt32(a.asInt32().getValue() % b.asInt32().getValue());
      case LONG:
        return new BsonInt64(toLong(a) % toLong(b));
      case DOUBLE:
        return new BsonDouble(toDouble(a) % toDouble(b));
      default:
        return decimal(toDecimal(a).remainder(toDecimal(b), MathContext.DECIMAL128));
    }
  }

  /** The same number with its sign flipped (int min widens to long, long min to double). */
  public static BsonValue negate(BsonValue value) {
    return subtract(new BsonInt32(0), value);
  }

  public static int sign(BsonValue value) {
    return rank(value) == DECIMAL ? toDecimal(value).signum() : (int) Math.signum(toDouble(value));
  }

  /** A double as mongod prints it: integral values without a fraction. */
  static String formatDouble(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
