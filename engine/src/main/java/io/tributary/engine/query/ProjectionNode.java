package io.tributary.engine.query;

import io.tributary.engine.expression.Expression;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * One node of a parsed find projection, keyed by field name under its parent {@link Fields} node. Nodes are
 * immutable once the parser has built the tree, and thread-safe.
 */
sealed interface ProjectionNode {

  /** {@code field: 1}. */
  record Include() implements ProjectionNode {}

  /** {@code field: 0}. */
  record Exclude() implements ProjectionNode {}

  /** An inner node: the projection of an embedded document (or of each document in an array). */
  record Fields(Map<String, ProjectionNode> children) implements ProjectionNode {
    Fields() {
      this(new LinkedHashMap<>());
    }

    boolean hasComputed() {
      return children.values().stream().anyMatch(child ->
          child instanceof Computed || child instanceof Fields fields && fields.hasComputed());
    }

    boolean hasPositional() {
      return children.values().stream().anyMatch(child ->
          child instanceof Positional || child instanceof Fields fields && fields.hasPositional());
    }
  }

  /** {@code {$slice: limit}} or {@code {$slice: [skip, limit]}}; {@code skip} is null in the first form. */
  record Slice(Integer skip, int limit) implements ProjectionNode {
    BsonValue apply(BsonValue value) {
      if (!value.isArray()) {
        return value;
      }
      BsonArray array = value.asArray();
      int size = array.size();
      int from;
      int to;
      if (skip == null) {
        from = limit >= 0 ? 0 : Math.max(0, size + limit);
        to = limit >= 0 ? Math.min(size, limit) : size;
      } else {
        from = skip >= 0 ? Math.min(size, skip) : Math.max(0, size + skip);
        to = (int) Math.min(size, (long) from + limit);
      }
      return new BsonArray(array.subList(from, to));
    }
  }

  /** {@code field: {$elemMatch: {...}}}: the matcher is compiled over {@code {field: {$elemMatch: ...}}}. */
  record ElemMatchProjection(Matcher matcher) implements ProjectionNode {}

  /**
   * {@code path.$: 1}: the element at the query's positional match of the first array along the path (which
   * may be an ancestor of the projected field: then the whole element is kept).
   */
  record Positional() implements ProjectionNode {}

  /** A computed field: an aggregation expression or literal. */
  record Computed(Expression expression) implements ProjectionNode {}
}
