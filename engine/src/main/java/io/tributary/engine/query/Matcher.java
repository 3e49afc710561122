package io.tributary.engine.query;

import io.tributary.engine.collation.Collation;
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

  /** The collation strings compare by in this filter's equalities and ranges. */
  default Collation collation() {
    return Collation.SIMPLE;
  }

  /**
   * Compiles a filter; an invalid filter fails with MongoDB's error (e.g. BadValue for an unknown operator).
   * Its {@code $expr} expressions see no variables but {@code $$ROOT} and {@code $$CURRENT}.
   */
  static Matcher compile(BsonDocument filter) {
    return new CompiledFilter(FilterParser.parse(filter, ExpressionContext.NONE), Collation.SIMPLE);
  }

  /** Compiles a filter (as {@link #compile(BsonDocument)}) whose comparisons follow {@code collation}. */
  static Matcher compile(BsonDocument filter, Collation collation) {
    return collation.isSimple() ? compile(filter)
        : compile(filter, new SystemVariables(null, null, new BsonDocument(), collation));
  }

  /**
   * Compiles a filter whose {@code $expr} expressions see the command's variables ({@code $$NOW}, {@code let}) and
   * whose comparisons follow the variables' collation.
   */
  static Matcher compile(BsonDocument filter, SystemVariables variables) {
    return new CompiledFilter(FilterParser.parse(filter, ExpressionContext.of(variables)), variables.collation());
  }
}
