package io.tributary.engine.query;

import io.tributary.engine.expression.Expression;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * {@code $expr}: an aggregation expression evaluated against the document, matching when its value is truthy
 * (anything but false, null, undefined, missing and numeric zero). Immutable and thread-safe.
 */
record ExprMatch(Expression expression) implements MatchExpression {

  @Override
  public boolean matches(BsonDocument document, MatchDetails details) {
    return isTruthy(expression.evaluate(() -> document));
  }

  static boolean isTruthy(BsonValue value) {
    if (value == null || value.isNull() || value.getBsonType() == BsonType.UNDEFINED) {
      return false;
    }
    return switch (value.getBsonType()) {
      case BOOLEAN -> value.asBoolean().getValue();
      case INT32, INT64, DOUBLE -> value.asNumber().doubleValue() != 0;
      case DECIMAL128 -> !isZero(value.asDecimal128().getValue());
      default -> true;
    };
  }

  private static boolean isZero(Decimal128 value) {
    if (!value.isFinite()) {
      return false;
    }
    try {
      return value.bigDecimalValue().signum() == 0;
    } catch (ArithmeticException negativeZero) {
      return true;
    }
  }
}
