package io.tributary.engine.update;

import org.bson.BsonNull;

/**
 * {@code $unset}: removes a field; an array element is set to null instead, so the other elements keep their
 * indexes. A missing or unreachable path is a no-op. Immutable and thread-safe.
 */
final class UnsetModifier extends ModifierNode {
  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    if (element.inArray()) {
      element.set(BsonNull.VALUE);
    } else {
      element.removeFromDocument();
    }
    return Outcome.UPDATED;
  }

  @Override
  boolean allowNonViablePath() {
    return true;
  }

  @Override
  void log(ChangeLog log, RuntimePath path, Element element, Outcome outcome) {
    if (element.inArray()) {
      log.updated(path, BsonNull.VALUE);
    } else {
      log.deleted(path);
    }
  }
}
