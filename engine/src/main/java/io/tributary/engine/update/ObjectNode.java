package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * An update node for a document level: named children applied in MongoDB's order (field names sorted, numeric
 * names by value, so {@code a.2} pads before {@code a.10} is set) and an optional positional ({@code $}) child
 * applied at the array index the query matched. Immutable once built; thread-safe.
 */
final class ObjectNode implements UpdateNode {
  /**
   * mongod's {@code cmpPathsAndArrayIndexes}: names starting with a digit (and not zero-padded) order by length
   * first, so numbers order by value; everything else orders as strings.
   */
  static final Comparator<String> FIELD_ORDER = (left, right) -> {
    if (numberLike(left) && numberLike(right) && left.length() != right.length()) {
      return Integer.compare(left.length(), right.length());
    }
    return left.compareTo(right);
  };

  private static boolean numberLike(String name) {
    char first = name.isEmpty() ? 'x' : name.charAt(0);
    return first >= '0' && first <= '9' && (first != '0' || name.length() == 1);
  }

  private final Map<String, UpdateNode> children = new TreeMap<>(FIELD_ORDER);
  private UpdateNode positionalChild;

  UpdateNode child(String name) {
    return name.equals("$") ? positionalChild : children.get(name);
  }

  void setChild(String name, UpdateNode node) {
    if (name.equals("$")) {
      positionalChild = node;
    } else {
      children.put(name, node);
    }
  }

  static ObjectNode merge(ObjectNode left, ObjectNode right, String path) {
    ObjectNode merged = new ObjectNode();
    merged.children.putAll(left.children);
    right.children.forEach((name, node) -> merged.children.merge(name, node,
        (a, b) -> UpdateNode.merge(a, b, UpdateNode.join(path, name))));
    merged.positionalChild = left.positionalChild;
    if (right.positionalChild != null) {
      merged.positionalChild = left.positionalChild == null ? right.positionalChild
          : UpdateNode.merge(left.positionalChild, right.positionalChild, UpdateNode.join(path, "$"));
    }
    return merged;
  }

  @Override
  public boolean apply(ApplyContext context, Position position) {
    boolean applyPositional = positionalChild != null;
    String matched = context.matchedField();
    if (applyPositional && matched.isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("The positional operator did not find the match needed from the query.");
    }
    boolean modified = false;
    Position current = position;
    for (Map.Entry<String, UpdateNode> entry : children.entrySet()) {
      String name = entry.getKey();
      UpdateNode child = entry.getValue();
      if (applyPositional && name.equals(matched)) {
        child = UpdateNode.merge(positionalChild, child, UpdateNode.join(pathText(current), name));
        applyPositional = false;
      } else if (applyPositional && FIELD_ORDER.compare(matched, name) < 0) {
        modified |= positionalChild.apply(context, current.child(matched));
        current = current.resolve();
        applyPositional = false;
      }
      modified |= child.apply(context, current.child(name));
      current = current.resolve();
    }
    if (applyPositional) {
      modified |= positionalChild.apply(context, current.child(matched));
    }
    return modified;
  }

  private static String pathText(Position position) {
    String taken = position.pathTaken().dotted();
    return position.pathToCreate().isEmpty() ? taken : UpdateNode.join(taken, String.join(".", position.pathToCreate()));
  }
}
