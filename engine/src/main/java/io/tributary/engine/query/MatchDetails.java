package io.tributary.engine.query;

/**
 * Collects, while one document is matched, the array position the positional operator {@code $} refers to:
 * the element index at the first array of the last path that matched. Confined to one matching thread.
 */
final class MatchDetails {
  private int arrayPosition = -1;

  int arrayPosition() {
    return arrayPosition;
  }

  void recordArrayPosition(int position) {
    if (position >= 0) {
      arrayPosition = position;
    }
  }
}
