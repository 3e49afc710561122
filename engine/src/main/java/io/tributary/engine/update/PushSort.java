package io.tributary.engine.update;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import io.tributary.engine.expression.SortKey;
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
  private final int wholeDirection;
  private final Comparator<BsonValue> byPattern;
  private final Collation collation;

  private PushSort(int wholeDirection, Comparator<BsonValue> byPattern, Collation collation) {
    this.wholeDirection = wholeDirection;
    this.byPattern = byPattern;
    this.collation = collation;
  }

  /** The {@code $sort} clause, comparing strings under the update's {@code collation}. */
  static PushSort parse(BsonValue clause, Collation collation) {
    if (clause.isNumber() || clause.isDecimal128()) {
      return new PushSort(direction(clause), null, collation);
    }
    if (!clause.isDocument()) {
      throw ErrorCode.BAD_VALUE.error("The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1}"
          + " to sort embedded fields");
    }
    BsonDocument pattern = clause.asDocument();
    if (pattern.isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("The $sort pattern is empty when it should be a set of fields.");
    }
    List<SortKey> keys = new ArrayList<>();
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
      keys.add(new SortKey(path, direction < 0));
    }
    return new PushSort(0, collation.isSimple() ? SortKey.inOrder(keys, PushSort::keyValue)
        : SortKey.inOrder(keys, (key, element) -> collation.key(keyValue(key, element))), collation);
  }

  private static int direction(BsonValue value) {
    double number = Numbers.isNumber(value) ? Numbers.toDouble(value) : 0;
    if (number != 1 && number != -1) {
      throw ErrorCode.BAD_VALUE.error("The $sort element value must be either 1 or -1");
    }
    return (int) number;
  }

  @Override
  public int compare(BsonValue left, BsonValue right) {
    return byPattern == null ? wholeDirection * BsonOrder.compare(left, right, collation) : byPattern.compare(left, right);
  }

  /** Unlike {@code $sort}'s keys, a pattern reads the exact path, without traversing arrays. */
  private static BsonValue keyValue(SortKey key, BsonValue element) {
    BsonValue value = element.isDocument() ? key.path().get(element) : null;
    return value == null ? BsonNull.VALUE : value;
  }
}
