package io.tributary.engine.expression;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonValue;

/** An operator applied to eagerly evaluated arguments. */
record Call(List<Expression> arguments, Operation operation) implements Expression {
  @Override
  public BsonValue evaluate(Scope scope) {
    List<BsonValue> values = new ArrayList<>(arguments.size());
    for (Expression argument : arguments) {
      values.add(argument.evaluate(scope));
    }
    return operation instanceof CollatedOperation collated ? collated.apply(values, scope.collation())
        : operation.apply(values);
  }
}
