package io.tributary.engine.plan;

import io.tributary.engine.query.Interval;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Whether an index scan yields documents in a sort's order: the sort's fields must be the index's fields in
 * order, skipping fields fixed to one point by the bounds, all in the index's direction or all against it.
 * A multikey index never provides a sort: an array sorts by its smallest (largest) element, which need not be
 * the key the bounds found it by. Stateless.
 */
final class SortSupport {
  static final int NONE = 0;
  static final int FORWARD = 1;
  static final int BACKWARD = -1;

  private SortSupport() {}

  static int direction(List<String> fields, List<Boolean> descending, List<List<Interval>> bounds,
      BsonDocument sort, boolean multikey) {
    if (sort == null || sort.isEmpty()) {
      return FORWARD;
    }
    if (multikey) {
      return NONE;
    }
    int field = 0;
    Integer direction = null;
    for (Map.Entry<String, BsonValue> key : sort.entrySet()) {
      if (!key.getValue().isNumber()) {
        return NONE;
      }
      while (field < fields.size() && !fields.get(field).equals(key.getKey()) && isPoint(bounds.get(field))) {
        field++;
      }
      if (field == fields.size() || !fields.get(field).equals(key.getKey())) {
        return NONE;
      }
      if (!isPoint(bounds.get(field))) {
        boolean sortDescending = key.getValue().asNumber().doubleValue() < 0;
        int wanted = sortDescending == descending.get(field) ? FORWARD : BACKWARD;
        if (direction != null && direction != wanted) {
          return NONE;
        }
        direction = wanted;
      }
      field++;
    }
    return direction == null ? FORWARD : direction;
  }

  static boolean isPoint(List<Interval> intervals) {
    return intervals.size() == 1 && intervals.get(0).isPoint();
  }
}
