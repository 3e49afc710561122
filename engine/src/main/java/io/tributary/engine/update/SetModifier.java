package io.tributary.engine.update;

import org.bson.BsonValue;

/**
 * {@code $set} and {@code $setOnInsert} (which applies only when an upsert inserts), and the destination half of
 * {@code $rename}: replaces or creates the value. Setting a value identical to the current one (same type, same
 * bytes) is a no-op. Immutable and thread-safe.
 */
final class SetModifier extends ReplacingModifier {
  private final boolean insertOnly;

  SetModifier(BsonValue value, boolean insertOnly) {
    super(value);
    this.insertOnly = insertOnly;
  }

  @Override
  boolean keeps(BsonValue current, BsonValue value) {
    return Values.identical(current, value);
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
