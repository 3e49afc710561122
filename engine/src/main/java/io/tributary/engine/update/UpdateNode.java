package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;

/**
 * A node of a compiled operator update, shaped like the paths it updates: {@link ObjectNode}s for field
 * components, {@link ArrayNode}s for {@code $[]} and {@code $[identifier]} components, {@link ModifierNode}s at
 * the leaves. The tree is built once when the update is parsed and is then immutable and thread-safe.
 */
sealed interface UpdateNode permits ObjectNode, ArrayNode, ModifierNode {
  /** Applies this node at {@code position}; returns true unless nothing changed (a no-op). */
  boolean apply(ApplyContext context, Position position);

  /**
   * The node that applies both {@code left} and {@code right} to the same element (when {@code $} and a named
   * index, or several array filters, select one element); two leaves on one path conflict.
   */
  static UpdateNode merge(UpdateNode left, UpdateNode right, String path) {
    if (left instanceof ObjectNode && right instanceof ObjectNode) {
      return ObjectNode.merge((ObjectNode) left, (ObjectNode) right, path);
    }
    if (left instanceof ArrayNode && right instanceof ArrayNode) {
      return ArrayNode.merge((ArrayNode) left, (ArrayNode) right, path);
    }
    throw ErrorCode.CONFLICTING_UPDATE_OPERATORS.error(
        "Update created a conflict at '" + path + "'");
  }

  /** {@code base.field}, or {@code field} at the root. */
  static String join(String base, String field) {
    return base.isEmpty() ? field : base + "." + field;
  }
}
