package io.tributary.engine.command.crud;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * A find/sort specification ({@code {a: 1, b: -1}}) as a comparator of documents with MongoDB's semantics: a
 * missing field sorts as null, an array field sorts by its smallest element ascending and its largest
 * descending, and values compare in {@link BsonOrder}. Immutable and thread-safe.
 */
public final class SortOrder implements Comparator<BsonDocument> {
  private final Comparator<BsonDocument> order;

  private SortOrder(List<SortKey> keys, Collation collation) {
    this.order = collation.isSimple() ? SortKey.inOrder(keys, SortOrder::sortValue)
        : SortKey.inOrder(keys, (key, document) -> collation.key(sortValue(key, document)));
  }

  public static SortOrder parse(BsonDocument spec) {
    return parse(spec, Collation.SIMPLE);
  }

  /** The order of {@code spec} with strings compared under {@code collation}. */
  public static SortOrder parse(BsonDocument spec, Collation collation) {
    List<SortKey> keys = new ArrayList<>();
    for (Map.Entry<String, BsonValue> field : spec.entrySet()) {
      BsonValue direction = field.getValue();
      if (direction.isDocument()) {
        continue; // {$meta: ...}: no text score or search score to sort by here
      }
      if (!direction.isNumber() || Math.abs(direction.asNumber().doubleValue()) != 1) {
        throw ErrorCode.BAD_VALUE.error("$sort key ordering must be 1 (for ascending) or -1 (for descending)");
      }
      keys.add(new SortKey(FieldPath.parse(field.getKey()), direction.asNumber().doubleValue() < 0));
    }
    return new SortOrder(keys, collation);
  }

  @Override
  public int compare(BsonDocument left, BsonDocument right) {
    return order.compare(left, right);
  }

  private static BsonValue sortValue(SortKey key, BsonDocument document) {
    List<BsonValue> values = key.path().values(document);
    if (values.isEmpty()) {
      return BsonNull.VALUE;
    }
    BsonValue chosen = values.get(0);
    for (BsonValue value : values) {
      int order = BsonOrder.compare(value, chosen);
      if (key.descending() ? order > 0 : order < 0) {
        chosen = value;
      }
    }
    return chosen;
  }
}
