package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.query.Matcher;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $match}: keeps the documents the query filter matches ({@code $expr} included, via {@link Matcher}). */
record MatchStage(Matcher matcher) implements DocumentStage {
  static final String NAME = "$match";

  static MatchStage parse(BsonValue spec) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15959).error("the match filter must be an expression in an object");
    }
    return new MatchStage(Matcher.compile(spec.asDocument()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    return matcher.matches(document) ? document : null;
  }
}
