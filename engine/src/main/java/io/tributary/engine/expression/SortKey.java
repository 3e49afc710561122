package io.tributary.engine.expression;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * One component of a sort specification ({@code {a.b: -1}}), shared by {@code $sort}, {@code $sortArray}, the
 * {@code $top}/{@code $bottom} accumulators and {@code $setWindowFields}. A document's key along a path that
 * reaches arrays is the smallest of the values found (largest when descending), as in mongod; missing sorts as
 * null. {@link #inOrder} also serves {@code $push}'s {@code $sort}, which reads its paths differently.
 * Immutable and thread-safe.
 */
public record SortKey(FieldPath path, boolean descending) {
  /** The comparator for a {@code $sort} specification, validated with mongod's codes. */
  public static Comparator<BsonDocument> comparator(BsonValue spec) {
    return inOrder(parse(spec), SortKey::key);
  }

  /** The comparator of documents by {@code keys}, strings compared under {@code collation}. */
  public static Comparator<BsonDocument> comparator(List<SortKey> keys, Collation collation) {
    return collation.isSimple() ? inOrder(keys, SortKey::key)
        : inOrder(keys, (key, document) -> collation.key(key.key(document)));
  }

  /** The keys of a {@code $sort} specification, validated with mongod's codes. */
  public static List<SortKey> parse(BsonValue spec) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15973).error("the $sort key specification must be an object");
    }
    if (spec.asDocument().isEmpty()) {
      throw ErrorCode.location(15976).error("$sort stage must have at least one sort key");
    }
    List<SortKey> keys = new ArrayList<>();
    for (Map.Entry<String, BsonValue> entry : spec.asDocument().entrySet()) {
      keys.add(new SortKey(new FieldPath(Expressions.fieldPath(entry.getKey())), descending(entry.getValue())));
    }
    return List.copyOf(keys);
  }

  /**
   * Compares by each of {@code keys} in turn, the first difference deciding; {@code read} gives an item's value
   * for a key. The one loop behind every sort specification: callers differ only in how a key reads a value.
   */
  public static <T> Comparator<T> inOrder(List<SortKey> keys, BiFunction<SortKey, T, BsonValue> read) {
    List<SortKey> order = List.copyOf(keys);
    return (left, right) -> {
      for (SortKey key : order) {
        int comparison = key.compareValues(read.apply(key, left), read.apply(key, right));
        if (comparison != 0) {
          return comparison;
        }
      }
      return 0;
    };
  }

  private static boolean descending(BsonValue direction) {
    if (direction.isDocument() && direction.asDocument().containsKey("$meta")) {
      throw ErrorCode.location(17312).error("$meta is the only expression supported by $sort right now, and "
          + "text scores are not supported");
    }
    if (!direction.isNumber() || (direction.asNumber().doubleValue() != 1
        && direction.asNumber().doubleValue() != -1)) {
      throw ErrorCode.location(15975).error("$sort key ordering must be 1 (for ascending) or -1 (for descending)");
    }
    return direction.asNumber().doubleValue() < 0;
  }

  public int compare(BsonDocument left, BsonDocument right) {
    return compareValues(key(left), key(right));
  }

  /** Two sort values in {@link BsonOrder}, reversed when this key is descending. */
  public int compareValues(BsonValue left, BsonValue right) {
    int order = BsonOrder.compare(left, right);
    return descending ? -order : order;
  }

  /** The value this component sorts {@code document} by. */
  public BsonValue key(BsonDocument document) {
    BsonValue[] best = new BsonValue[1];
    path.visit(document, true, (value, position) -> {
      if (value != null && !(value.isArray() && !value.asArray().isEmpty())) {
        if (best[0] == null || (BsonOrder.compare(value, best[0]) < 0) != descending) {
          best[0] = value;
        }
      }
      return false;
    });
    return best[0] == null ? BsonNull.VALUE : best[0];
  }
}
