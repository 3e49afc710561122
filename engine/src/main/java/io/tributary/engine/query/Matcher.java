package io.tributary.engine.query;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A compiled query filter ({@code {qty: {$gt: 4}}}) with MongoDB's semantics. Immutable and thread-safe once
 * compiled; compile once, match many documents.
 */
public interface Matcher {
  boolean matches(BsonDocument document);

  /** Like {@link #matches}, also reporting the array position for the positional update operator. */
  MatchResult match(BsonDocument document);

  /** Compiles a filter; an invalid filter fails with MongoDB's error (e.g. BadValue for an unknown operator). */
  static Matcher compile(BsonDocument filter) {
    // Placeholder until the query language lands: top-level equality only.
    return new Matcher() {
      @Override
      public boolean matches(BsonDocument document) {
        for (String key : filter.keySet()) {
          BsonValue expected = filter.get(key);
          if (!expected.equals(document.get(key))) {
            return false;
          }
        }
        return true;
      }

      @Override
      public MatchResult match(BsonDocument document) {
        return matches(document) ? MatchResult.MATCH : MatchResult.NO_MATCH;
      }
    };
  }
}
