package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import org.bson.BsonValue;

/**
 * {@code $min} and {@code $max}: replaces the value when the operand sorts before ({@code $min}) or after
 * ({@code $max}) it in MongoDB's cross-type order; equal values (1 and 1.0) are a no-op. Immutable and thread-safe.
 */
final class CompareModifier extends ReplacingModifier {
  private final boolean max;

  CompareModifier(boolean max, BsonValue operand) {
    super(operand);
    this.max = max;
  }

  @Override
  boolean keeps(BsonValue current, BsonValue operand) {
    int comparison = BsonOrder.compare(current, operand);
    return comparison == 0 || (max ? comparison > 0 : comparison < 0);
  }
}
