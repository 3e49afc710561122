package io.tributary.engine.query;

import io.tributary.engine.expression.SystemVariables;
import org.bson.BsonDocument;

/**
 * A compiled query filter ({@code {qty: {$gt: 4}}}) with MongoDB's semantics. Immutable and thread-safe once
 * compiled; compile once, match many documents.
 */
public interface Matcher {
  boolean matches(BsonDocument document);

  /** Like {@link #matches}, also reporting the array position for the positional update operator. */
  MatchResult match(BsonDocument document);

  /**
   * Compiles a filter; an invalid filter fails with MongoDB's error (e.g. BadValue for an unknown operator).
   * Its {@code $expr} expressions see no variables but {@code $$ROOT} and {@code $$CURRENT}.
   */
  static Matcher compile(BsonDocument filter) {
    return new CompiledFilter(FilterParser.parse(filter, ExpressionContext.NONE));
  }

  /** Compiles a filter whose {@code $expr} expressions see the command's variables ({@code $$NOW}, {@code let}). */
  static Matcher compile(BsonDocument filter, SystemVariables variables) {
    return new CompiledFilter(FilterParser.parse(filter, ExpressionContext.of(variables)));
  }
}
