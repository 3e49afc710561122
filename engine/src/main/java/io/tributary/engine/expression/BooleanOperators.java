package io.tributary.engine.expression;

import java.util.List;
import org.bson.BsonBoolean;

/** {@code $and $or $not}. {@code $and} and {@code $or} stop at the first operand that decides the result. */
final class BooleanOperators {
  private BooleanOperators() {}

  static void register(OperatorTable table) {
    table.custom("$and", (operand, context) -> junction(OperatorTable.arguments(operand, context), false));
    table.custom("$or", (operand, context) -> junction(OperatorTable.arguments(operand, context), true));
    table.unary("$not", value -> BsonBoolean.valueOf(!Values.truthy(value)));
  }

  /** {@code $or} when {@code decisive} is true (any true operand decides), {@code $and} when false. */
  private static Expression junction(List<Expression> operands, boolean decisive) {
    return scope -> {
      for (Expression operand : operands) {
        if (Values.truthy(operand.evaluate(scope)) == decisive) {
          return BsonBoolean.valueOf(decisive);
        }
      }
      return BsonBoolean.valueOf(!decisive);
    };
  }
}
