package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import org.bson.BsonValue;

/**
 * {@code $min} and {@code $max}: replaces the value when the operand sorts before ({@code $min}) or after
 * ({@code $max}) it in MongoDB's cross-type order; equal values (1 and 1.0) are a no-op. Immutable and thread-safe.
 */
final class CompareModifier extends ModifierNode {
  private final boolean max;
  private final BsonValue operand;

  CompareModifier(boolean max, BsonValue operand) {
    this.max = max;
    this.operand = operand;
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    int comparison = BsonOrder.compare(element.value(), operand);
    if (comparison == 0 || (max ? comparison > 0 : comparison < 0)) {
      return Outcome.NO_OP;
    }
    element.set(Values.deepCopy(operand));
    return Outcome.UPDATED;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    return Values.deepCopy(operand);
  }

  @Override
  boolean allowCreation() {
    return true;
  }
}
