package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $cond} (array and object forms), {@code $ifNull} (first non-null of any number) and {@code $switch}. */
final class ConditionalOperators {
  private ConditionalOperators() {}

  private record Branch(Expression test, Expression then) {}

  static void register(OperatorTable table) {
    table.custom("$cond", ConditionalOperators::cond);
    table.custom("$ifNull", ConditionalOperators::ifNull);
    table.custom("$switch", ConditionalOperators::switchExpression);
  }

  private static Expression cond(BsonValue operand, ParseContext context) {
    if (!operand.isDocument()) {
      List<Expression> arguments = OperatorTable.arguments(operand, context);
      if (arguments.size() != 3) {
        throw ErrorCode.location(16020).error("Expression $cond takes exactly 3 arguments. " + arguments.size()
            + " were passed in.");
      }
      return conditional(arguments.get(0), arguments.get(1), arguments.get(2));
    }
    BsonDocument spec = operand.asDocument();
    for (String key : spec.keySet()) {
      if (!List.of("if", "then", "else").contains(key)) {
        throw ErrorCode.location(17083).error("Unrecognized parameter to $cond: " + key);
      }
    }
    return conditional(condPart(spec, "if", 17080, context), condPart(spec, "then", 17081, context),
        condPart(spec, "else", 17082, context));
  }

  private static Expression condPart(BsonDocument spec, String name, int code, ParseContext context) {
    if (!spec.containsKey(name)) {
      throw ErrorCode.location(code).error("Missing '" + name + "' parameter to $cond");
    }
    return Expressions.parse(spec.get(name), context);
  }

  private static Expression conditional(Expression test, Expression then, Expression otherwise) {
    return scope -> Values.truthy(test.evaluate(scope)) ? then.evaluate(scope) : otherwise.evaluate(scope);
  }

  private static Expression ifNull(BsonValue operand, ParseContext context) {
    List<Expression> arguments = OperatorTable.arguments(operand, context);
    if (arguments.size() < 2) {
      throw ErrorCode.location(1257300).error("$ifNull needs at least two arguments, had: " + arguments.size());
    }
    return scope -> {
      for (int i = 0; i < arguments.size() - 1; i++) {
        BsonValue value = arguments.get(i).evaluate(scope);
        if (!Values.isNullish(value)) {
          return value;
        }
      }
      return arguments.get(arguments.size() - 1).evaluate(scope);
    };
  }

  private static Expression switchExpression(BsonValue operand, ParseContext context) {
    if (!operand.isDocument()) {
      throw ErrorCode.location(40060).error("$switch requires an object as an argument, found: "
          + Values.typeName(operand));
    }
    List<Branch> branches = new ArrayList<>();
    Expression fallback = null;
    for (Map.Entry<String, BsonValue> entry : operand.asDocument().entrySet()) {
      if (entry.getKey().equals("branches")) {
        branches = branches(entry.getValue(), context);
      } else if (entry.getKey().equals("default")) {
        fallback = Expressions.parse(entry.getValue(), context);
      } else {
        throw ErrorCode.location(40067).error("$switch found an unknown argument: " + entry.getKey());
      }
    }
    if (branches.isEmpty()) {
      throw ErrorCode.location(40068).error("$switch requires at least one branch.");
    }
    return switchOf(List.copyOf(branches), fallback);
  }

  private static Expression switchOf(List<Branch> branches, Expression fallback) {
    return scope -> {
      for (Branch branch : branches) {
        if (Values.truthy(branch.test().evaluate(scope))) {
          return branch.then().evaluate(scope);
        }
      }
      if (fallback == null) {
        throw ErrorCode.location(40066).error(
            "$switch could not find a matching branch for an input, and no default was specified.");
      }
      return fallback.evaluate(scope);
    };
  }

  private static List<Branch> branches(BsonValue value, ParseContext context) {
    if (!value.isArray()) {
      throw ErrorCode.location(40061).error("$switch expected an array for 'branches', found: "
          + Values.typeName(value));
    }
    List<Branch> branches = new ArrayList<>();
    for (BsonValue element : value.asArray()) {
      if (!element.isDocument()) {
        throw ErrorCode.location(40062).error("$switch expected each branch to be an object, found: "
            + Values.typeName(element));
      }
      branches.add(branch(element.asDocument(), context));
    }
    return branches;
  }

  private static Branch branch(BsonDocument spec, ParseContext context) {
    for (String key : spec.keySet()) {
      if (!key.equals("case") && !key.equals("then")) {
        throw ErrorCode.location(40063).error("$switch found an unknown argument to a branch: " + key);
      }
    }
    if (!spec.containsKey("case")) {
      throw ErrorCode.location(40064).error("$switch requires each branch have a 'case' expression");
    }
    if (!spec.containsKey("then")) {
      throw ErrorCode.location(40065).error("$switch requires each branch have a 'then' expression.");
    }
    return new Branch(Expressions.parse(spec.get("case"), context), Expressions.parse(spec.get("then"), context));
  }
}
