package io.tributary.engine.update;

/**
 * Occupies the source path of a {@code $rename} in the update tree so that other operators on that path
 * conflict; the rename itself is applied by the {@link RenameModifier} at the destination. Stateless.
 */
final class ConflictPlaceholder extends ModifierNode {
  @Override
  public boolean apply(ApplyContext context, Position position) {
    return false;
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    return Outcome.NO_OP;
  }
}
