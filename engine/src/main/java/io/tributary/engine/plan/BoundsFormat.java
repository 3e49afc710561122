package io.tributary.engine.plan;

import io.tributary.engine.catalog.DuplicateKeyError;
import io.tributary.engine.query.Interval;
import org.bson.BsonValue;

/**
 * Renders an interval as mongod's explain does: {@code "[5, 5]"}, {@code "(3, inf.0]"}, {@code "[MinKey, MaxKey]"},
 * {@code "[\"a\", {})"}; a reversed interval (a descending field, or a backward scan) shows its high end first.
 * Stateless.
 */
final class BoundsFormat {
  private BoundsFormat() {}

  static String render(Interval interval, boolean reversed) {
    BsonValue start = reversed ? interval.high() : interval.low();
    BsonValue end = reversed ? interval.low() : interval.high();
    boolean startInclusive = reversed ? interval.highInclusive() : interval.lowInclusive();
    boolean endInclusive = reversed ? interval.lowInclusive() : interval.highInclusive();
    return (startInclusive ? "[" : "(") + value(start) + ", " + value(end) + (endInclusive ? "]" : ")");
  }

  private static String value(BsonValue value) {
    switch (value.getBsonType()) {
      case MIN_KEY: return "MinKey";
      case MAX_KEY: return "MaxKey";
      case ARRAY: return value.asArray().isEmpty() ? "[]" : DuplicateKeyError.render(value);
      case DOUBLE: {
        double d = value.asDouble().getValue();
        return Double.isInfinite(d) ? (d > 0 ? "inf.0" : "-inf.0") : DuplicateKeyError.render(value);
      }
      default: return DuplicateKeyError.render(value);
    }
  }
}
