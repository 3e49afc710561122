package io.tributary.engine.query;

import io.tributary.engine.collation.Collation;
import org.bson.BsonDocument;

/** A {@link Matcher} over a parsed {@link MatchExpression} tree, compiled under a collation. Immutable and thread-safe. */
record CompiledFilter(MatchExpression root, Collation collation) implements Matcher {

  @Override
  public boolean matches(BsonDocument document) {
    return root.matches(document, null);
  }

  @Override
  public MatchResult match(BsonDocument document) {
    MatchDetails details = new MatchDetails();
    if (!root.matches(document, details)) {
      return MatchResult.NO_MATCH;
    }
    return details.arrayPosition() < 0 ? MatchResult.MATCH : new MatchResult(true, details.arrayPosition());
  }
}
