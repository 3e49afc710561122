package io.tributary.engine.plan;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.query.IndexBounds;
import io.tributary.engine.query.Interval;
import io.tributary.engine.query.Matcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonUndefined;
import org.bson.BsonValue;

/**
 * Whether a query's filter implies a partial index's {@code partialFilterExpression}, so every document the query
 * can match has entries in the index. Each top-level condition of the partial filter must be implied by the
 * query's bounds on the same path: {@code {f: {$exists: true}}} by bounds that exclude null, a comparison or
 * equality by bounds that lie within the condition's own bounds. Anything else is conservatively not implied.
 * Stateless.
 */
final class PartialFilters {
  private PartialFilters() {}

  static boolean implied(BsonDocument partialFilter, Matcher query) {
    for (Map.Entry<String, BsonValue> condition : partialFilter.entrySet()) {
      if (condition.getKey().startsWith("$") || !implied(condition.getKey(), condition.getValue(), query)) {
        return false;
      }
    }
    return true;
  }

  private static boolean implied(String path, BsonValue condition, Matcher query) {
    Optional<List<Interval>> queryBounds = IndexBounds.of(query, path, false);
    if (queryBounds.isEmpty()) {
      return false;
    }
    if (isExistsTrue(condition)) {
      return queryBounds.get().stream().noneMatch(i -> i.contains(BsonNull.VALUE) || i.contains(new BsonUndefined()));
    }
    Optional<List<Interval>> required = IndexBounds.of(Matcher.compile(new BsonDocument(path, condition)), path,
        false);
    return required.isPresent() && queryBounds.get().stream()
        .allMatch(inner -> required.get().stream().anyMatch(outer -> within(inner, outer)));
  }

  private static boolean isExistsTrue(BsonValue condition) {
    return condition.isDocument() && condition.asDocument().size() == 1
        && condition.asDocument().containsKey("$exists")
        && !condition.asDocument().get("$exists").equals(BsonBoolean.FALSE);
  }

  private static boolean within(Interval inner, Interval outer) {
    return boundContains(outer, inner.low(), inner.lowInclusive())
        && boundContains(outer, inner.high(), inner.highInclusive());
  }

  /** Whether {@code outer} contains an end at {@code value}, which is itself excluded unless {@code inclusive}. */
  private static boolean boundContains(Interval outer, BsonValue value, boolean inclusive) {
    if (outer.contains(value)) {
      return true;
    }
    if (inclusive) {
      return false;
    }
    int low = BsonOrder.compare(value, outer.low());
    int high = BsonOrder.compare(value, outer.high());
    return low >= 0 && high <= 0;
  }
}
