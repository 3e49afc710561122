package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import org.bson.BsonValue;

/** Validation of simple stage arguments shared by several stages. */
final class StageArguments {
  private StageArguments() {}

  /** A number with an integral value as a long; anything else fails with {@code code} and {@code message}. */
  static long integral(BsonValue spec, int code, String message) {
    if (!spec.isNumber() && !spec.isDecimal128()) {
      throw ErrorCode.location(code).error(message);
    }
    double value = Numbers.toDouble(spec);
    if (value != Math.rint(value) || Double.isInfinite(value)) {
      throw ErrorCode.location(code).error(message);
    }
    return spec.isInt64() ? spec.asInt64().getValue() : (long) value;
  }
}
