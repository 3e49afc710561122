package io.tributary.engine.expression;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * {@code $a.b} (relative to {@code $$CURRENT}) or {@code $$var.a.b}. Walking into an array applies the rest of
 * the path to each element that is a document and collects the values found: {@code $a.b} over
 * {@code {a: [{b: 1}, {c: 2}, {b: 3}]}} is {@code [1, 3]}; elements that are not documents are skipped.
 */
public record VariablePath(String variable, List<String> path) implements Expression {
  public VariablePath {
    path = List.copyOf(path);
  }

  @Override
  public BsonValue evaluate(Scope scope) {
    return walk(scope.variable(variable), 0);
  }

  private BsonValue walk(BsonValue value, int index) {
    if (index == path.size() || value == null) {
      return value;
    }
    if (value.isDocument()) {
      return walk(value.asDocument().get(path.get(index)), index + 1);
    }
    if (value.isArray()) {
      BsonArray values = new BsonArray();
      for (BsonValue element : value.asArray()) {
        if (element.isDocument()) {
          BsonValue found = walk(element, index);
          if (found != null) {
            values.add(found);
          }
        }
      }
      return values;
    }
    return null;
  }
}
