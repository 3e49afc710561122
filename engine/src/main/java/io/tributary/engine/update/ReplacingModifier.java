package io.tributary.engine.update;

import org.bson.BsonValue;

/**
 * The operators that write a copy of their operand over the value, or create it where it is missing
 * ({@code $set}, {@code $setOnInsert}, {@code $min}, {@code $max}); they differ only in when the current value
 * stays. Immutable and thread-safe.
 */
abstract sealed class ReplacingModifier extends ModifierNode permits SetModifier, CompareModifier {
  private final BsonValue operand;

  ReplacingModifier(BsonValue operand) {
    this.operand = operand;
  }

  /** True when {@code current} stays as it is: the operator is then a no-op. */
  abstract boolean keeps(BsonValue current, BsonValue operand);

  @Override
  final Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    if (keeps(element.value(), operand)) {
      return Outcome.NO_OP;
    }
    element.set(Values.deepCopy(operand));
    return Outcome.UPDATED;
  }

  @Override
  final BsonValue valueForNew(ApplyContext context) {
    return Values.deepCopy(operand);
  }

  @Override
  final boolean allowCreation() {
    return true;
  }
}
