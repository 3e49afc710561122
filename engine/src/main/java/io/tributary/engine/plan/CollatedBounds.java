package io.tributary.engine.plan;

import io.tributary.engine.bson.TypeBracket;
import io.tributary.engine.query.Interval;
import java.util.List;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * Whether a query's bounds on one field (computed in its collation's comparison keys, see
 * {@link io.tributary.engine.query.IndexBounds}) hold in an index (mongod's rule): in an index with the query's
 * collation they do; in an index with another collation only when no bound involves strings. Stateless.
 */
final class CollatedBounds {
  private CollatedBounds() {}

  /** The bounds, or empty when the index cannot use them. */
  static Optional<List<Interval>> inIndex(List<Interval> bounds, boolean sameCollation) {
    if (sameCollation) {
      return Optional.of(bounds);
    }
    return bounds.stream().allMatch(i -> collationFree(i.low()) && collationFree(i.high())) ? Optional.of(bounds)
        : Optional.empty();
  }

  /** Values of a type the collation cannot affect (strings, and documents or arrays that may hold them). */
  private static boolean collationFree(BsonValue value) {
    TypeBracket bracket = TypeBracket.of(value);
    return bracket != TypeBracket.STRING && bracket != TypeBracket.OBJECT && bracket != TypeBracket.ARRAY;
  }
}
