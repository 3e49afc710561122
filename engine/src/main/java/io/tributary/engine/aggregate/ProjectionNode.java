package io.tributary.engine.aggregate;

import io.tributary.engine.expression.Expression;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node of a parsed {@code $project}/{@code $addFields} specification, with dotted paths expanded into trees. */
sealed interface ProjectionNode {
  /** {@code field: 1} / {@code true}. */
  record Include() implements ProjectionNode {}

  /** {@code field: 0} / {@code false}. */
  record Exclude() implements ProjectionNode {}

  /** {@code field: <expression>}: a computed value; missing removes the field. */
  record Computed(Expression expression) implements ProjectionNode {}

  /** {@code field: {sub: ...}} or the shared prefix of dotted paths. Children keep specification order. */
  record Nested(Map<String, ProjectionNode> children) implements ProjectionNode {
    Nested() {
      this(new LinkedHashMap<>());
    }

    boolean hasComputed() {
      return children.values().stream().anyMatch(child -> child instanceof Computed
          || (child instanceof Nested && ((Nested) child).hasComputed()));
    }
  }
}
