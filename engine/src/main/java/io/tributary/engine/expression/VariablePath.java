package io.tributary.engine.expression;

import io.tributary.engine.bson.FieldPath;
import java.util.List;
import org.bson.BsonValue;

/**
 * {@code $a.b} (relative to {@code $$CURRENT}) or {@code $$var.a.b}, read with {@link FieldPath#resolve} (the
 * aggregation reading). Walking into an array applies the rest of the path to each element that is a document
 * and collects the values found: {@code $a.b} over {@code {a: [{b: 1}, {c: 2}, {b: 3}]}} is {@code [1, 3]};
 * elements that are not documents are skipped.
 */
public record VariablePath(String variable, List<String> path) implements Expression {
  public VariablePath {
    path = List.copyOf(path);
  }

  @Override
  public BsonValue evaluate(Scope scope) {
    BsonValue value = scope.variable(variable);
    return value == null || path.isEmpty() ? value : new FieldPath(path).resolve(value);
  }
}
