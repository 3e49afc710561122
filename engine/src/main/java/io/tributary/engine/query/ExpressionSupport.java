package io.tributary.engine.query;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * The query language's door to the aggregation expression language ({@code $expr}, computed projection
 * fields). Field paths ({@code "$a.b"}), {@code $$ROOT}/{@code $$CURRENT}, literals, arrays and object
 * expressions are read here; operator expressions ({@code {$add: ...}}) need the expression language.
 * Stateless and thread-safe.
 */
final class ExpressionSupport {
  private ExpressionSupport() {}

  static Expression compile(BsonValue expression) {
    if (expression.isString() && expression.asString().getValue().startsWith("$")) {
      return fieldPath(expression.asString().getValue());
    }
    if (expression.isArray()) {
      List<Expression> elements = new ArrayList<>();
      expression.asArray().forEach(element -> elements.add(compile(element)));
      return scope -> {
        BsonArray array = new BsonArray();
        elements.forEach(element -> array.add(orNull(element.evaluate(scope))));
        return array;
      };
    }
    if (FilterParser.isOperatorDocument(expression)) {
      return compileOperator(expression.asDocument());
    }
    if (expression.isDocument()) {
      return object(expression.asDocument());
    }
    return scope -> expression;
  }

  /** An operator expression ({@code {$add: [...]}}); an unknown operator fails with 31325 as in a projection. */
  static Expression compileOperator(BsonDocument expression) {
    throw ErrorCode.NOT_IMPLEMENTED.error("aggregation expression operators are not available yet");
  }

  private static Expression fieldPath(String reference) {
    if (reference.equals("$$ROOT") || reference.equals("$$CURRENT")) {
      return scope -> scope.root();
    }
    if (reference.startsWith("$$")) {
      throw ErrorCode.NOT_IMPLEMENTED.error("variables are not available yet: " + reference);
    }
    FieldPath path = FieldPath.parse(reference.substring(1));
    return scope -> path.resolve(scope.root());
  }

  private static Expression object(BsonDocument fields) {
    Map<String, Expression> compiled = new LinkedHashMap<>();
    fields.forEach((name, value) -> compiled.put(name, compile(value)));
    return scope -> {
      BsonDocument document = new BsonDocument();
      compiled.forEach((name, field) -> {
        BsonValue value = field.evaluate(scope);
        if (value != null) {
          document.append(name, value);
        }
      });
      return document;
    };
  }

  private static BsonValue orNull(BsonValue value) {
    return value == null ? BsonNull.VALUE : value;
  }
}
