package io.tributary.engine.bson;

import java.util.Comparator;
import org.bson.BsonValue;

/**
 * MongoDB's total order over BSON values: MinKey &lt; null &lt; numbers &lt; symbol, string &lt; object &lt; array
 * &lt; binary &lt; ObjectId &lt; boolean &lt; date &lt; timestamp &lt; regex &lt; MaxKey, numbers compared by value across
 * int32/int64/double/decimal128, strings by binary (UTF-8) order. Stateless and thread-safe.
 */
public final class BsonOrder {
  public static final Comparator<BsonValue> COMPARATOR = BsonOrder::compare;

  private BsonOrder() {}

  public static int compare(BsonValue left, BsonValue right) {
    throw new UnsupportedOperationException("BsonOrder.compare is being implemented");
  }
}
