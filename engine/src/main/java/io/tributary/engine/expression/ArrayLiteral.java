package io.tributary.engine.expression;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonNull;
import org.bson.BsonValue;

/** {@code [<expr>, ...]}: an array built from expressions; a missing element becomes null, as in mongod. */
public record ArrayLiteral(List<Expression> elements) implements Expression {
  public ArrayLiteral {
    elements = List.copyOf(elements);
  }

  @Override
  public BsonValue evaluate(Scope scope) {
    BsonArray array = new BsonArray();
    for (Expression element : elements) {
      BsonValue value = element.evaluate(scope);
      array.add(value == null ? BsonNull.VALUE : value);
    }
    return array;
  }
}
