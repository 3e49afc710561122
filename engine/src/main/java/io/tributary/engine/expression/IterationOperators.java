package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/** {@code $filter $map $reduce}: operators that bind a variable to each element of an array. */
final class IterationOperators {
  private IterationOperators() {}

  static void register(OperatorTable table) {
    table.custom("$filter", IterationOperators::filter);
    table.custom("$map", IterationOperators::map);
    table.custom("$reduce", IterationOperators::reduce);
  }

  private static BsonDocument spec(String name, BsonValue operand, Set<String> allowed, int notObject,
      int unknown) {
    if (!operand.isDocument()) {
      throw ErrorCode.location(notObject).error(name + " only supports an object as its argument");
    }
    for (String key : operand.asDocument().keySet()) {
      if (!allowed.contains(key)) {
        throw ErrorCode.location(unknown).error("Unrecognized parameter to " + name + ": " + key);
      }
    }
    return operand.asDocument();
  }

  private static BsonValue part(String name, BsonDocument spec, String part, int code) {
    if (!spec.containsKey(part)) {
      throw ErrorCode.location(code).error("Missing '" + part + "' parameter to " + name);
    }
    return spec.get(part);
  }

  private static String as(BsonDocument spec) {
    String variable = spec.containsKey("as") ? spec.getString("as").getValue() : "this";
    ParseContext.validateUserVariableName(variable);
    return variable;
  }

  private static Expression filter(BsonValue operand, ParseContext context) {
    BsonDocument spec = spec("$filter", operand, Set.of("input", "as", "cond", "limit"), 28646, 28647);
    Expression input = Expressions.parse(part("$filter", spec, "input", 28648), context);
    String variable = as(spec);
    Expression cond = Expressions.parse(part("$filter", spec, "cond", 28650),
        context.withVariables(List.of(variable)));
    Expression limit = spec.containsKey("limit") ? Expressions.parse(spec.get("limit"), context) : null;
    return scope -> {
      List<BsonValue> values = array("input to $filter", input.evaluate(scope), 28651);
      if (values == null) {
        return BsonNull.VALUE;
      }
      long max = limit == null ? Long.MAX_VALUE : limit(limit.evaluate(scope));
      BsonArray kept = new BsonArray();
      for (BsonValue value : values) {
        if (kept.size() < max && Values.truthy(cond.evaluate(scope.bind(variable, value)))) {
          kept.add(value);
        }
      }
      return kept;
    };
  }

  private static long limit(BsonValue limit) {
    if (Values.isNullish(limit)) {
      return Long.MAX_VALUE;
    }
    if (!Numbers.isNumber(limit) || Numbers.toDouble(limit) != Math.rint(Numbers.toDouble(limit))) {
      throw ErrorCode.location(327391).error("$filter: limit must be represented as a 32-bit integral value: "
          + Values.format(limit));
    }
    if (Numbers.toLong(limit) < 1) {
      throw ErrorCode.location(327392).error("$filter: limit must be greater than 0: " + Values.format(limit));
    }
    return Numbers.toLong(limit);
  }

  /** The elements of an array value, null for null/missing, failing with {@code code} otherwise. */
  private static List<BsonValue> array(String what, BsonValue value, int code) {
    if (Values.isNullish(value)) {
      return null;
    }
    if (!value.isArray()) {
      throw ErrorCode.location(code).error(what + " must be an array not " + Values.typeName(value));
    }
    return value.asArray().getValues();
  }

  private static Expression map(BsonValue operand, ParseContext context) {
    BsonDocument spec = spec("$map", operand, Set.of("input", "as", "in"), 16878, 16879);
    Expression input = Expressions.parse(part("$map", spec, "input", 16880), context);
    String variable = as(spec);
    Expression in = Expressions.parse(part("$map", spec, "in", 16882), context.withVariables(List.of(variable)));
    return scope -> {
      List<BsonValue> values = array("input to $map", input.evaluate(scope), 16883);
      if (values == null) {
        return BsonNull.VALUE;
      }
      BsonArray mapped = new BsonArray();
      for (BsonValue value : values) {
        BsonValue result = in.evaluate(scope.bind(variable, value));
        mapped.add(result == null ? BsonNull.VALUE : result);
      }
      return mapped;
    };
  }

  private static Expression reduce(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$reduce", operand, context,
        Set.of("input", "initialValue", "in"), 40075, 40076);
    Expression input = arguments.required("input", 40077);
    Expression initial = arguments.required("initialValue", 40078);
    Expression in = arguments.required("in", 40079, context.withVariables(List.of("this", "value")));
    return scope -> {
      BsonValue array = input.evaluate(scope);
      if (Values.isNullish(array)) {
        return BsonNull.VALUE;
      }
      if (!array.isArray()) {
        throw ErrorCode.location(40080).error("$reduce requires that 'input' be an array, found: "
            + Values.format(array));
      }
      BsonValue accumulated = initial.evaluate(scope);
      for (BsonValue element : array.asArray()) {
        accumulated = in.evaluate(scope.bind("value", accumulated).bind("this", element));
      }
      return accumulated;
    };
  }
}
