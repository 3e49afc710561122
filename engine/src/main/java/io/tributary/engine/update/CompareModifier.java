package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.collation.Collation;
import org.bson.BsonValue;

/**
 * {@code $min} and {@code $max}: replaces the value when the operand sorts before ({@code $min}) or after
 * ({@code $max}) it in MongoDB's cross-type order (strings under the update's collation); equal values (1 and 1.0) are a no-op. Immutable and thread-safe.
 */
final class CompareModifier extends ReplacingModifier {
  private final boolean max;
  private final Collation collation;

  CompareModifier(boolean max, BsonValue operand, Collation collation) {
    super(operand);
    this.max = max;
    this.collation = collation;
  }

  @Override
  boolean keeps(BsonValue current, BsonValue operand) {
    int comparison = BsonOrder.compare(current, operand, collation);
    return comparison == 0 || (max ? comparison > 0 : comparison < 0);
  }
}
