package io.tributary.engine.update;

import java.util.ArrayList;
import java.util.List;

/**
 * A concrete path taken through a document while applying an update, each component marked as a field name or an
 * array index (positional operators already resolved). Immutable.
 */
record RuntimePath(List<String> parts, List<Boolean> arrayIndexes) {
  static final RuntimePath EMPTY = new RuntimePath(List.of(), List.of());

  RuntimePath {
    parts = List.copyOf(parts);
    arrayIndexes = List.copyOf(arrayIndexes);
  }

  RuntimePath append(String part, boolean arrayIndex) {
    List<String> newParts = new ArrayList<>(parts);
    newParts.add(part);
    List<Boolean> newIndexes = new ArrayList<>(arrayIndexes);
    newIndexes.add(arrayIndex);
    return new RuntimePath(newParts, newIndexes);
  }

  /** The first {@code length} components. */
  RuntimePath prefix(int length) {
    return new RuntimePath(parts.subList(0, length), arrayIndexes.subList(0, length));
  }

  int size() {
    return parts.size();
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  boolean isArrayIndex(int component) {
    return arrayIndexes.get(component);
  }

  String dotted() {
    return String.join(".", parts);
  }
}
