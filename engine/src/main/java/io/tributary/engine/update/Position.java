package io.tributary.engine.update;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an update node is applied: the deepest existing {@code element} on its path, the {@code pathTaken} to it,
 * the components still to create below it, and the change log to record into (null when a parent records the
 * change itself). Immutable.
 */
record Position(Element element, RuntimePath pathTaken, List<String> pathToCreate, ChangeLog log) {
  Position {
    pathToCreate = List.copyOf(pathToCreate);
  }

  /** Descends to child {@code field}: into the existing element, or onto the path to create. */
  Position child(String field) {
    if (pathToCreate.isEmpty()) {
      Element child = element.child(field);
      if (child != null) {
        return new Position(child, pathTaken.append(field, element.value().isArray()), pathToCreate, log);
      }
    }
    List<String> toCreate = new ArrayList<>(pathToCreate);
    toCreate.add(field);
    return new Position(element, pathTaken, toCreate, log);
  }

  /**
   * This position after a child may have created (part of) the path to create: the components that now exist
   * move onto the path taken.
   */
  Position resolve() {
    Position resolved = new Position(element, pathTaken, List.of(), log);
    for (int i = 0; i < pathToCreate.size(); i++) {
      Element child = resolved.element.child(pathToCreate.get(i));
      if (child == null) {
        return new Position(resolved.element, resolved.pathTaken, pathToCreate.subList(i, pathToCreate.size()), log);
      }
      resolved = new Position(child, resolved.pathTaken.append(pathToCreate.get(i), resolved.element.value().isArray()),
          List.of(), log);
    }
    return resolved;
  }
}
