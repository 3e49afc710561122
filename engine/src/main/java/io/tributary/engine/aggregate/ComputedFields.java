package io.tributary.engine.aggregate;

import io.tributary.engine.aggregate.ProjectionNode.Computed;
import io.tributary.engine.aggregate.ProjectionNode.Nested;
import io.tributary.engine.expression.Scope;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Sets the computed fields of a projection tree, as {@code $addFields} does and as an inclusion projection does
 * after copying its included fields. Under a nested node, a document is extended, an array has each element
 * treated the same way, and any other value is replaced by a new document of the computed fields. A computed
 * value that is missing removes the field ({@code $$REMOVE}). Documents along changed paths are copied, never
 * modified, so inputs stay intact. Stateless.
 */
final class ComputedFields {
  private ComputedFields() {}

  /** Sets the computed fields of {@code node} into {@code target}, which the caller owns. */
  static void apply(BsonDocument target, Nested node, Scope scope) {
    for (Map.Entry<String, ProjectionNode> child : node.children().entrySet()) {
      String name = child.getKey();
      if (child.getValue() instanceof Computed) {
        BsonValue value = ((Computed) child.getValue()).expression().evaluate(scope);
        if (value == null) {
          target.remove(name);
        } else {
          target.put(name, value);
        }
      } else if (child.getValue() instanceof Nested && ((Nested) child.getValue()).hasComputed()) {
        target.put(name, applyToValue(target.get(name), (Nested) child.getValue(), scope));
      }
    }
  }

  private static BsonValue applyToValue(BsonValue value, Nested node, Scope scope) {
    if (value != null && value.isArray()) {
      BsonArray elements = new BsonArray();
      value.asArray().forEach(element -> elements.add(applyToValue(element, node, scope)));
      return elements;
    }
    BsonDocument document = new BsonDocument();
    if (value != null && value.isDocument()) {
      document.putAll(value.asDocument());
    }
    apply(document, node, scope);
    return document;
  }
}
