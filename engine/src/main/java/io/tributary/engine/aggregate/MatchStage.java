package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import io.tributary.engine.query.Matcher;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $match}: keeps the documents the query filter matches. A top-level {@code $expr} is evaluated here, in
 * the pipeline's scope, so that it sees the command's and {@code $lookup}'s {@code let} variables; the rest of
 * the filter goes to {@link Matcher}.
 */
record MatchStage(Matcher matcher, Expression expr) implements DocumentStage {
  static final String NAME = "$match";

  static MatchStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15959).error("the match filter must be an expression in an object");
    }
    BsonDocument filter = spec.asDocument();
    if (!filter.containsKey("$expr")) {
      return new MatchStage(Matcher.compile(filter), null);
    }
    BsonDocument rest = filter.clone();
    rest.remove("$expr");
    return new MatchStage(Matcher.compile(rest), Expressions.parse(filter.get("$expr"), context));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    boolean matches = (expr == null || Values.truthy(expr.evaluate(execution.scope(document))))
        && matcher.matches(document);
    return matches ? document : null;
  }
}
