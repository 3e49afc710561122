package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.bson.BsonValue;

/**
 * The registry of expression operators, filled by one {@code register} method per operator family. Arity is
 * checked at parse time with mongod's errors (16020 exactly, 28667 ranged). Built once, then only read.
 */
final class OperatorTable {
  private final Map<String, OperatorParser> parsers = new HashMap<>();

  OperatorParser find(String name) {
    return parsers.get(name);
  }

  void custom(String name, OperatorParser parser) {
    if (parsers.putIfAbsent(name, parser) != null) {
      throw new IllegalStateException("duplicate operator " + name);
    }
  }

  void unary(String name, UnaryOperator<BsonValue> operation) {
    fixed(name, 1, arguments -> operation.apply(arguments.get(0)));
  }

  void binary(String name, BiFunction<BsonValue, BsonValue, BsonValue> operation) {
    fixed(name, 2, arguments -> operation.apply(arguments.get(0), arguments.get(1)));
  }

  void fixed(String name, int arity, Operation operation) {
    custom(name, (operand, context) -> {
      List<Expression> arguments = arguments(operand, context);
      if (arguments.size() != arity) {
        throw ErrorCode.location(16020).error("Expression " + name + " takes exactly " + arity + " arguments. "
            + arguments.size() + " were passed in.");
      }
      return new Call(arguments, operation);
    });
  }

  void ranged(String name, int min, int max, Operation operation) {
    custom(name, (operand, context) -> {
      List<Expression> arguments = arguments(operand, context);
      if (arguments.size() < min || arguments.size() > max) {
        throw ErrorCode.location(28667).error("Expression " + name + " takes at least " + min
            + " arguments, and at most " + max + ", but " + arguments.size() + " were passed in.");
      }
      return new Call(arguments, operation);
    });
  }

  void variadic(String name, Operation operation) {
    custom(name, (operand, context) -> new Call(arguments(operand, context), operation));
  }

  /** An array operand is the argument list; any other operand is the single argument. */
  static List<Expression> arguments(BsonValue operand, ParseContext context) {
    List<Expression> arguments = new ArrayList<>();
    if (operand.isArray()) {
      operand.asArray().forEach(element -> arguments.add(Expressions.parse(element, context)));
    } else {
      arguments.add(Expressions.parse(operand, context));
    }
    return arguments;
  }
}
