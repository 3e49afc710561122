package io.tributary.engine.query;

import io.tributary.engine.bson.BsonOrder;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonUndefined;
import org.bson.BsonValue;

/**
 * One interval of index key values in {@link BsonOrder} (mongod's {@code Interval}): {@code [low, high]}, each end
 * inclusive or not. Immutable and thread-safe.
 */
public record Interval(BsonValue low, boolean lowInclusive, BsonValue high, boolean highInclusive) {

  /** Every key: {@code [MinKey, MaxKey]}. */
  public static Interval all() {
    return new Interval(new BsonMinKey(), true, new BsonMaxKey(), true);
  }

  public static Interval point(BsonValue value) {
    return new Interval(value, true, value, true);
  }

  /** What a null equality matches in an index: missing fields index as null, and undefined equals null. */
  static Interval nullish() {
    return new Interval(new BsonUndefined(), true, BsonNull.VALUE, true);
  }

  public boolean isPoint() {
    return lowInclusive && highInclusive && BsonOrder.compare(low, high) == 0;
  }

  public boolean contains(BsonValue value) {
    int fromLow = BsonOrder.compare(value, low);
    int toHigh = BsonOrder.compare(value, high);
    return (fromLow > 0 || fromLow == 0 && lowInclusive) && (toHigh < 0 || toHigh == 0 && highInclusive);
  }

  /** The values in both intervals, or null when they do not overlap. */
  Interval intersect(Interval other) {
    int lows = BsonOrder.compare(low, other.low);
    int highs = BsonOrder.compare(high, other.high);
    BsonValue newLow = lows >= 0 ? low : other.low;
    boolean newLowInclusive = lows > 0 ? lowInclusive : lows < 0 ? other.lowInclusive
        : lowInclusive && other.lowInclusive;
    BsonValue newHigh = highs <= 0 ? high : other.high;
    boolean newHighInclusive = highs < 0 ? highInclusive : highs > 0 ? other.highInclusive
        : highInclusive && other.highInclusive;
    int span = BsonOrder.compare(newLow, newHigh);
    if (span > 0 || span == 0 && !(newLowInclusive && newHighInclusive)) {
      return null;
    }
    return new Interval(newLow, newLowInclusive, newHigh, newHighInclusive);
  }
}
