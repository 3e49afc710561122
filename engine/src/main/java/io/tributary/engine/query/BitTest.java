package io.tributary.engine.query;

import java.util.List;
import org.bson.BsonValue;

/**
 * {@code $bitsAllSet $bitsAllClear $bitsAnySet $bitsAnyClear}: tests bit positions of an integral number (two's
 * complement, so bits beyond 63 of a negative number are set) or of binary data (little-endian: position 0 is
 * the lowest bit of the first byte; positions past the end are clear). Other values never match, nor do
 * numbers that are not integers representable as a 64-bit integer. Immutable and thread-safe.
 */
record BitTest(Mode mode, List<Long> positions) implements ValuePredicate {
  enum Mode { ALL_SET, ALL_CLEAR, ANY_SET, ANY_CLEAR }

  @Override
  public boolean test(BsonValue value) {
    if (value == null) {
      return false;
    }
    if (value.isBinary()) {
      byte[] data = value.asBinary().getData();
      return judge(position -> position / 8 < data.length && (data[(int) (position / 8)] >> (position % 8) & 1) == 1);
    }
    Long integer = integral(value);
    if (integer == null) {
      return false;
    }
    long bits = integer;
    return judge(position -> position < 64 ? (bits >>> position & 1) == 1 : bits < 0);
  }

  private interface Bit {
    boolean isSet(long position);
  }

  private boolean judge(Bit bit) {
    boolean wantSet = mode == Mode.ALL_SET || mode == Mode.ANY_SET;
    boolean all = mode == Mode.ALL_SET || mode == Mode.ALL_CLEAR;
    for (long position : positions) {
      boolean hit = bit.isSet(position) == wantSet;
      if (hit != all) {
        return hit; // any: first hit decides true; all: first miss decides false
      }
    }
    return all;
  }

  private static Long integral(BsonValue value) {
    switch (value.getBsonType()) {
      case INT32: return (long) value.asInt32().getValue();
      case INT64: return value.asInt64().getValue();
      case DOUBLE: {
        double d = value.asDouble().getValue();
        boolean fits = d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
        return fits ? (long) d : null;
      }
      case DECIMAL128: {
        try {
          return value.asDecimal128().getValue().bigDecimalValue().longValueExact();
        } catch (ArithmeticException notIntegral) {
          return null;
        }
      }
      default: return null;
    }
  }
}
