package io.tributary.engine.bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A dotted field path ({@code "a.b.0.c"}) and the three ways MongoDB reads one:
 *
 * <ul>
 *   <li>{@link #get}: exactly one value, a numeric component indexing an array; no implicit traversal (update
 *       operators, sort of scalars, {@code _id} extraction).
 *   <li>{@link #visit} / {@link #values}: the query language's reading, with implicit array traversal: at an
 *       array, a component is looked up in every element that is a document, and a numeric component also
 *       indexes the array. A path that ends early (a missing field, a scalar where a document is expected)
 *       reports one missing value, but an array whose elements yield nothing reports nothing. A leaf array is
 *       reported itself and, when asked, each of its elements (so {@code {a: 1}} matches {@code {a: [1, 2]}}).
 *   <li>{@link #resolve}: the aggregation language's reading ({@code "$a.b"}): arrays map to arrays of the
 *       values found in their document elements (scalars and nested arrays are skipped), components are never
 *       array indexes, missing is {@code null}.
 * </ul>
 *
 * Parsing does not validate components; callers report their own errors for empty or {@code $}-prefixed ones.
 * Immutable and thread-safe.
 */
public record FieldPath(List<String> parts) {

  /** Receives the values found along a path. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Called once per value found; {@code value} is null when the path is missing there. {@code arrayPosition}
     * is the index of the element taken from the first array traversed, or -1. Returns true to stop.
     */
    boolean visit(BsonValue value, int arrayPosition);
  }

  public FieldPath {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a field path has at least one component");
    }
    parts = List.copyOf(parts);
  }

  public static FieldPath parse(String dotted) {
    return new FieldPath(Arrays.asList(dotted.split("\\.", -1)));
  }

  public int length() {
    return parts.size();
  }

  public String part(int index) {
    return parts.get(index);
  }

  public String last() {
    return parts.get(parts.size() - 1);
  }

  /** The path of the first {@code length} components. */
  public FieldPath prefix(int length) {
    return new FieldPath(parts.subList(0, length));
  }

  /** The path after the first {@code count} components. */
  public FieldPath suffix(int count) {
    return new FieldPath(parts.subList(count, parts.size()));
  }

  public FieldPath child(String part) {
    List<String> childParts = new ArrayList<>(parts);
    childParts.add(part);
    return new FieldPath(childParts);
  }

  /** True when this path equals {@code other} or is an ancestor of it ({@code a} of {@code a.b}). */
  public boolean isPrefixOf(FieldPath other) {
    return other.parts.size() >= parts.size() && other.parts.subList(0, parts.size()).equals(parts);
  }

  /** MongoDB's strict array index component: digits without a leading zero (except "0" itself). */
  public static boolean isArrayIndex(String part) {
    if (part.isEmpty() || part.length() > 9 || (part.length() > 1 && part.charAt(0) == '0')) {
      return false;
    }
    return part.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The single value at this path (numeric components index arrays), or null when it is missing. */
  public BsonValue get(BsonValue root) {
    BsonValue current = root;
    for (String part : parts) {
      current = step(current, part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static BsonValue step(BsonValue current, String part) {
    if (current.isDocument()) {
      return current.asDocument().get(part);
    }
    if (current.isArray() && isArrayIndex(part)) {
      int index = Integer.parseInt(part);
      return index < current.asArray().size() ? current.asArray().get(index) : null;
    }
    return null;
  }

  /**
   * Visits every value the query language sees at this path in {@code root}, expanding a leaf array into its
   * elements too when {@code expandLeafArrays}. Returns true when the visitor stopped the walk.
   */
  public boolean visit(BsonValue root, boolean expandLeafArrays, Visitor visitor) {
    return new QueryWalk(parts, expandLeafArrays, visitor).walk(root, 0, -1);
  }

  /**
   * The values at this path with each leaf array replaced by its elements (one level), missing values omitted:
   * what {@code distinct} returns and what sort keys and multikey index keys are chosen from. An empty leaf
   * array contributes nothing.
   */
  public List<BsonValue> values(BsonDocument root) {
    List<BsonValue> values = new ArrayList<>();
    visit(root, false, (value, position) -> {
      if (value != null && value.isArray()) {
        values.addAll(value.asArray());
      } else if (value != null) {
        values.add(value);
      }
      return false;
    });
    return values;
  }

  /** The aggregation reading of this path in {@code root}: null when missing. */
  public BsonValue resolve(BsonValue root) {
    return resolve(root, 0);
  }

  private BsonValue resolve(BsonValue current, int depth) {
    if (depth == parts.size()) {
      return current;
    }
    if (current.isDocument()) {
      BsonValue child = current.asDocument().get(parts.get(depth));
      return child == null ? null : resolve(child, depth + 1);
    }
    if (current.isArray()) {
      BsonArray values = new BsonArray();
      for (BsonValue element : current.asArray()) {
        if (element.isDocument()) {
          BsonValue value = resolve(element, depth);
          if (value != null) {
            values.add(value);
          }
        }
      }
      return values;
    }
    return null;
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }

  /** One query-language walk; holds the walk's constant parameters. */
  private record QueryWalk(List<String> parts, boolean expandLeafArrays, Visitor visitor) {
    boolean walk(BsonValue current, int depth, int position) {
      if (depth == parts.size()) {
        return leaf(current, position);
      }
      String part = parts.get(depth);
      if (current.isDocument()) {
        BsonValue child = current.asDocument().get(part);
        return child == null ? visitor.visit(null, position) : walk(child, depth + 1, position);
      }
      if (current.isArray()) {
        return array(current.asArray(), depth, position);
      }
      return visitor.visit(null, position);
    }

    /**
     * The rest of the path inside an array: looked up in each element that is a document, and followed into
     * the element a numeric component names. Scalars are skipped, and an array yielding nothing reports
     * nothing (mongod's element iterator: {@code {a: [1, 2]}} has no value, not even a missing one, at "a.b").
     */
    private boolean array(BsonArray array, int depth, int position) {
      String part = parts.get(depth);
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isDocument() && walk(array.get(i), depth, position < 0 ? i : position)) {
          return true;
        }
      }
      if (!isArrayIndex(part) || Integer.parseInt(part) >= array.size()) {
        return false;
      }
      // An explicit index is not an implicit traversal: it adds no array position, and a leaf it names is
      // reported as is, without expanding it.
      BsonValue element = array.get(Integer.parseInt(part));
      if (depth + 1 == parts.size()) {
        return visitor.visit(element, position);
      }
      if (element.isDocument()) {
        return walk(element, depth + 1, position);
      }
      return element.isArray() && array(element.asArray(), depth + 1, position);
    }

    private boolean leaf(BsonValue value, int position) {
      if (visitor.visit(value, position)) {
        return true;
      }
      if (expandLeafArrays && value.isArray()) {
        BsonArray array = value.asArray();
        for (int i = 0; i < array.size(); i++) {
          if (visitor.visit(array.get(i), position < 0 ? i : position)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
