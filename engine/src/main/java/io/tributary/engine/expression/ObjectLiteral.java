package io.tributary.engine.expression;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code {a: <expr>, b: <expr>}}: a document built from expressions; fields whose value is missing are left out. */
public record ObjectLiteral(Map<String, Expression> fields) implements Expression {
  public ObjectLiteral {
    fields = new LinkedHashMap<>(fields);
  }

  @Override
  public BsonValue evaluate(Scope scope) {
    BsonDocument document = new BsonDocument();
    fields.forEach((name, expression) -> {
      BsonValue value = expression.evaluate(scope);
      if (value != null) {
        document.append(name, value);
      }
    });
    return document;
  }
}
