package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * The {@code $sort} clause of {@code $push}: 1/-1 sorts whole elements in MongoDB's order; a pattern
 * ({@code {score: -1, name: 1}}) sorts by the values at its paths, a missing value (or a non-document element)
 * counting as null. Immutable and thread-safe.
 */
final class PushSort implements Comparator<BsonValue> {
  private record Key(FieldPath path, int direction) {}

  private final int wholeDirection;
  private final List<Key> keys;

  private PushSort(int wholeDirection, List<Key> keys) {
    this.wholeDirection = wholeDirection;
    this.keys = keys;
  }

  static PushSort parse(BsonValue clause) {
    if (clause.isNumber() || clause.isDecimal128()) {
      return new PushSort(direction(clause), List.of());
    }
    if (!clause.isDocument()) {
      throw ErrorCode.BAD_VALUE.error("The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1}"
          + " to sort embedded fields");
    }
    BsonDocument pattern = clause.asDocument();
    if (pattern.isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("The $sort pattern is empty when it should be a set of fields.");
    }
    List<Key> keys = new ArrayList<>();
    for (Map.Entry<String, BsonValue> entry : pattern.entrySet()) {
      int direction = direction(entry.getValue());
      if (entry.getKey().isEmpty()) {
        throw ErrorCode.BAD_VALUE.error("The $sort field cannot be empty");
      }
      FieldPath path = FieldPath.parse(entry.getKey());
      if (path.parts().contains("")) {
        throw ErrorCode.BAD_VALUE.error(
            "The $sort field is a dotted field but has an empty part: " + entry.getKey());
      }
      keys.add(new Key(path, direction));
    }
    return new PushSort(0, List.copyOf(keys));
  }

  private static int direction(BsonValue value) {
    double number = value.isDecimal128() ? value.asDecimal128().getValue().doubleValue()
        : value.isNumber() ? value.asNumber().doubleValue() : 0;
    if (number != 1 && number != -1) {
      throw ErrorCode.BAD_VALUE.error("The $sort element value must be either 1 or -1");
    }
    return (int) number;
  }

  @Override
  public int compare(BsonValue left, BsonValue right) {
    if (keys.isEmpty()) {
      return wholeDirection * BsonOrder.compare(left, right);
    }
    for (Key key : keys) {
      int comparison = key.direction() * BsonOrder.compare(keyValue(left, key), keyValue(right, key));
      if (comparison != 0) {
        return comparison;
      }
    }
    return 0;
  }

  private static BsonValue keyValue(BsonValue element, Key key) {
    BsonValue value = element.isDocument() ? key.path().get(element) : null;
    return value == null ? BsonNull.VALUE : value;
  }
}
