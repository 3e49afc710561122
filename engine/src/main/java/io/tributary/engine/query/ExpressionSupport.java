package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import org.bson.BsonValue;

/**
 * The query language's door to the aggregation expression language ({@code $expr}, computed projection
 * fields). Stateless and thread-safe.
 */
final class ExpressionSupport {
  private ExpressionSupport() {}

  static Expression compile(BsonValue expression) {
    throw ErrorCode.NOT_IMPLEMENTED.error("aggregation expressions are not available yet");
  }
}
