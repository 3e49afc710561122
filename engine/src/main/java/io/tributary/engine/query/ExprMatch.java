package io.tributary.engine.query;

import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Values;
import org.bson.BsonDocument;

/**
 * {@code $expr}: an aggregation expression evaluated against the document, matching when its value is truthy
 * (anything but false, null, undefined, missing and numeric zero). Immutable and thread-safe.
 */
record ExprMatch(Expression expression, ExpressionContext context) implements MatchExpression {

  @Override
  public boolean matches(BsonDocument document, MatchDetails details) {
    return Values.truthy(expression.evaluate(context.scope(document)));
  }
}
