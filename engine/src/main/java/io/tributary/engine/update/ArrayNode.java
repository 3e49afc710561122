package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * An update node for {@code $[]} (identifier "") and {@code $[identifier]} components: its children apply to every
 * array element, or to the elements the identifier's array filter matches. When more than one element is
 * selected, the children do not log themselves: the node logs the one modified element, or the whole array.
 * Immutable once built; thread-safe.
 */
final class ArrayNode implements UpdateNode {
  private final Map<String, UpdateNode> children = new TreeMap<>();
  private final Map<String, ArrayFilter> filters;

  ArrayNode(Map<String, ArrayFilter> filters) {
    this.filters = filters;
  }

  UpdateNode child(String identifier) {
    return children.get(identifier);
  }

  void setChild(String identifier, UpdateNode node) {
    children.put(identifier, node);
  }

  static ArrayNode merge(ArrayNode left, ArrayNode right, String path) {
    ArrayNode merged = new ArrayNode(left.filters);
    merged.children.putAll(left.children);
    right.children.forEach((identifier, node) -> merged.children.merge(identifier, node,
        (a, b) -> UpdateNode.merge(a, b, UpdateNode.join(path, "$[" + identifier + "]"))));
    return merged;
  }

  @Override
  public boolean apply(ApplyContext context, Position position) {
    BsonArray array = existingArray(position);
    Map<Integer, List<UpdateNode>> selected = select(array);
    boolean childrenLog = selected.size() <= 1;
    int modifiedCount = 0;
    int modifiedIndex = -1;
    for (Map.Entry<Integer, List<UpdateNode>> entry : selected.entrySet()) {
      int index = entry.getKey();
      RuntimePath path = position.pathTaken().append(Integer.toString(index), true);
      UpdateNode node = mergeAll(entry.getValue(), path.dotted());
      Position child = new Position(Element.item(array, index), path, List.of(), childrenLog ? position.log() : null);
      if (node.apply(context, child)) {
        modifiedCount++;
        modifiedIndex = index;
      }
    }
    if (!childrenLog && position.log() != null && modifiedCount > 0) {
      logModified(position, array, modifiedCount, modifiedIndex);
    }
    return modifiedCount > 0;
  }

  private static BsonArray existingArray(Position position) {
    if (!position.pathToCreate().isEmpty()) {
      String path = UpdateNode.join(position.pathTaken().dotted(), String.join(".", position.pathToCreate()));
      throw ErrorCode.BAD_VALUE.error(
          "The path '" + path + "' must exist in the document in order to apply array updates.");
    }
    BsonValue value = position.element().value();
    if (!value.isArray()) {
      throw ErrorCode.BAD_VALUE.error("Cannot apply array updates to non-array element " + position.element().text());
    }
    return value.asArray();
  }

  private Map<Integer, List<UpdateNode>> select(BsonArray array) {
    Map<Integer, List<UpdateNode>> selected = new TreeMap<>();
    for (int i = 0; i < array.size(); i++) {
      for (Map.Entry<String, UpdateNode> child : children.entrySet()) {
        String identifier = child.getKey();
        if (identifier.isEmpty() || filters.get(identifier).matches(array.get(i))) {
          selected.computeIfAbsent(i, k -> new ArrayList<>()).add(child.getValue());
        }
      }
    }
    return selected;
  }

  private static UpdateNode mergeAll(List<UpdateNode> nodes, String path) {
    UpdateNode merged = nodes.get(0);
    for (int i = 1; i < nodes.size(); i++) {
      merged = UpdateNode.merge(merged, nodes.get(i), path);
    }
    return merged;
  }

  private static void logModified(Position position, BsonArray array, int modifiedCount, int modifiedIndex) {
    if (modifiedCount > 1) {
      position.log().updated(position.pathTaken(), array);
    } else {
      position.log().updated(position.pathTaken().append(Integer.toString(modifiedIndex), true),
          array.get(modifiedIndex));
    }
  }
}
