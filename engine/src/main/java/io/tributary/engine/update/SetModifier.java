package io.tributary.engine.update;

import org.bson.BsonValue;

/**
 * {@code $set} and {@code $setOnInsert} (which applies only when an upsert inserts), and the destination half of
 * {@code $rename}: replaces or creates the value. Setting a value identical to the current one (same type, same
 * bytes) is a no-op. Immutable and thread-safe.
 */
final class SetModifier extends ModifierNode {
  private final BsonValue value;
  private final boolean insertOnly;

  SetModifier(BsonValue value, boolean insertOnly) {
    this.value = value;
    this.insertOnly = insertOnly;
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    if (Values.identical(element.value(), value)) {
      return Outcome.NO_OP;
    }
    element.set(Values.deepCopy(value));
    return Outcome.UPDATED;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    return Values.deepCopy(value);
  }

  @Override
  boolean allowCreation() {
    return true;
  }

  @Override
  boolean canSetObjectValue() {
    return true;
  }

  @Override
  boolean insertOnly() {
    return insertOnly;
  }
}
