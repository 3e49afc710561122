package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import org.bson.BsonValue;

/** Reads the find-syntax {@code $slice} argument: {@code n} or {@code [skip, n]}. Stateless and thread-safe. */
final class SliceArgument {
  private SliceArgument() {}

  static ProjectionNode.Slice parse(BsonValue argument) {
    if (argument.isNumber() || argument.isDecimal128()) {
      return new ProjectionNode.Slice(null, toInt(argument));
    }
    if (!argument.isArray()) {
      throw ErrorCode.location(31273).error("$slice only supports numbers and [skip, limit] arrays");
    }
    if (argument.asArray().size() != 2) {
      throw ErrorCode.location(31272).error("$slice array argument should be of form [skip, limit]");
    }
    BsonValue skip = argument.asArray().get(0);
    BsonValue limit = argument.asArray().get(1);
    if (!skip.isNumber() && !skip.isDecimal128()) {
      throw ErrorCode.location(31257).error(
          "$slice expects the skip argument to be a number, got " + skip.getBsonType());
    }
    if (!limit.isNumber() && !limit.isDecimal128()) {
      throw ErrorCode.location(31258).error(
          "$slice expects the limit argument to be a number, got " + limit.getBsonType());
    }
    if (toInt(limit) <= 0) {
      throw ErrorCode.location(31259).error("$slice limit must be positive, got " + toInt(limit));
    }
    return new ProjectionNode.Slice(toInt(skip), toInt(limit));
  }

  /** mongod's {@code safeNumberInt}: saturating, NaN as 0. */
  private static int toInt(BsonValue number) {
    double value = Numbers.toDouble(number);
    if (number.isInt32()) {
      return number.asInt32().getValue();
    }
    if (Double.isNaN(value)) {
      return 0;
    }
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
