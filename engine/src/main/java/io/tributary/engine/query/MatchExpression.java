package io.tributary.engine.query;

import java.util.List;
import org.bson.BsonDocument;

/**
 * The parsed form of a query filter: logical nodes over path conditions. Nodes are immutable and thread-safe;
 * {@code details} (nullable) collects the positional array index of a match.
 */
sealed interface MatchExpression
    permits MatchExpression.And, MatchExpression.Or, MatchExpression.Nor, MatchExpression.Constant, PathMatch,
        ExprMatch, SchemaMatch {

  boolean matches(BsonDocument document, MatchDetails details);

  /** {@code $and}, and the implicit conjunction of a filter's fields. */
  record And(List<MatchExpression> children) implements MatchExpression {
    @Override
    public boolean matches(BsonDocument document, MatchDetails details) {
      for (MatchExpression child : children) {
        if (!child.matches(document, details)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code $or}: only the branch that matched reports a position. */
  record Or(List<MatchExpression> children) implements MatchExpression {
    @Override
    public boolean matches(BsonDocument document, MatchDetails details) {
      for (MatchExpression child : children) {
        MatchDetails branch = details == null ? null : new MatchDetails();
        if (child.matches(document, branch)) {
          if (details != null) {
            details.recordArrayPosition(branch.arrayPosition());
          }
          return true;
        }
      }
      return false;
    }
  }

  record Nor(List<MatchExpression> children) implements MatchExpression {
    @Override
    public boolean matches(BsonDocument document, MatchDetails details) {
      return children.stream().noneMatch(child -> child.matches(document, null));
    }
  }

  /** {@code $alwaysTrue}, {@code $alwaysFalse}, and a filter with only {@code $comment}. */
  record Constant(boolean value) implements MatchExpression {
    @Override
    public boolean matches(BsonDocument document, MatchDetails details) {
      return value;
    }
  }
}
