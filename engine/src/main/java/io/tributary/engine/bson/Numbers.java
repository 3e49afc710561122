package io.tributary.engine.bson;

import java.math.BigDecimal;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Exact comparison of BSON numbers across int32, int64, double and decimal128. Doubles and longs are compared
 * without rounding (a long beyond 2^53 is not equal to the nearest double), NaN sorts below every other number
 * and equals itself, and -0 equals 0. Stateless and thread-safe.
 */
final class Numbers {
  private static final long TWO_POW_53 = 1L << 53;

  private Numbers() {}

  static int compare(BsonValue left, BsonValue right) {
    if (isIntegral(left) && isIntegral(right)) {
      return Long.compare(left.asNumber().longValue(), right.asNumber().longValue());
    }
    if (isDoubleExact(left) && isDoubleExact(right)) {
      return compareDoubles(left.asNumber().doubleValue(), right.asNumber().doubleValue());
    }
    return Exact.of(left).compareTo(Exact.of(right));
  }

  private static boolean isIntegral(BsonValue value) {
    return value.isInt32() || value.isInt64();
  }

  /** True when the value is a double, or an integer small enough that a double holds it exactly. */
  private static boolean isDoubleExact(BsonValue value) {
    if (value.isDouble() || value.isInt32()) {
      return true;
    }
    if (!value.isInt64()) {
      return false;
    }
    long integer = value.asInt64().getValue();
    return integer >= -TWO_POW_53 && integer <= TWO_POW_53;
  }

  private static int compareDoubles(double left, double right) {
    if (left < right) {
      return -1;
    }
    if (left > right) {
      return 1;
    }
    if (left == right) {
      return 0; // includes -0.0 == 0.0
    }
    return Boolean.compare(!Double.isNaN(left), !Double.isNaN(right));
  }

  /**
   * A number as an exact value: NaN, an infinity, or a finite {@link BigDecimal} (stripped of trailing zeros, so
   * equal values have equal representations).
   */
  record Exact(int rank, BigDecimal finite) implements Comparable<Exact> {
    static final int NAN = 0;
    static final int NEGATIVE_INFINITY = 1;
    static final int FINITE = 2;
    static final int POSITIVE_INFINITY = 3;

    static Exact of(BsonValue value) {
      switch (value.getBsonType()) {
        case INT32: return finite(BigDecimal.valueOf(value.asInt32().getValue()));
        case INT64: return finite(BigDecimal.valueOf(value.asInt64().getValue()));
        case DOUBLE: return ofDouble(value.asDouble().getValue());
        case DECIMAL128: return ofDecimal(value.asDecimal128().getValue());
        default: throw new IllegalArgumentException("not a number: " + value.getBsonType());
      }
    }

    private static Exact ofDouble(double value) {
      if (Double.isNaN(value)) {
        return new Exact(NAN, null);
      }
      if (Double.isInfinite(value)) {
        return new Exact(value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY, null);
      }
      return finite(new BigDecimal(value));
    }

    private static Exact ofDecimal(Decimal128 value) {
      if (value.isNaN()) {
        return new Exact(NAN, null);
      }
      if (value.isInfinite()) {
        return new Exact(value.isNegative() ? NEGATIVE_INFINITY : POSITIVE_INFINITY, null);
      }
      try {
        return finite(value.bigDecimalValue());
      } catch (ArithmeticException negativeZero) {
        return finite(BigDecimal.ZERO);
      }
    }

    private static Exact finite(BigDecimal value) {
      return new Exact(FINITE, value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
    }

    @Override
    public int compareTo(Exact other) {
      if (rank != other.rank) {
        return Integer.compare(rank, other.rank);
      }
      return rank == FINITE ? finite.compareTo(other.finite) : 0;
    }
  }
}
