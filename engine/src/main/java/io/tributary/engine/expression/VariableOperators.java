package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $literal} (the operand unparsed) and {@code $let} (variables bound for its {@code in} expression). */
final class VariableOperators {
  private VariableOperators() {}

  static void register(OperatorTable table) {
    table.custom("$literal", (operand, context) -> new Constant(operand));
    table.custom("$let", VariableOperators::let);
  }

  private static Expression let(BsonValue operand, ParseContext context) {
    if (!operand.isDocument()) {
      throw ErrorCode.location(16874).error("$let only supports an object as its argument");
    }
    BsonDocument spec = operand.asDocument();
    for (String key : spec.keySet()) {
      if (!key.equals("vars") && !key.equals("in")) {
        throw ErrorCode.location(16875).error("Unrecognized parameter to $let: " + key);
      }
    }
    if (!spec.containsKey("vars")) {
      throw ErrorCode.location(16876).error("Missing 'vars' parameter to $let");
    }
    if (!spec.containsKey("in")) {
      throw ErrorCode.location(16877).error("Missing 'in' parameter to $let");
    }
    if (!spec.get("vars").isDocument()) {
      throw ErrorCode.location(10065).error("invalid parameter: expected an object (vars)");
    }
    Map<String, Expression> variables = new LinkedHashMap<>();
    spec.getDocument("vars").forEach((name, value) -> {
      ParseContext.validateUserVariableName(name);
      variables.put(name, Expressions.parse(value, context));
    });
    Expression in = Expressions.parse(spec.get("in"), context.withVariables(variables.keySet()));
    return scope -> {
      Scope inner = scope;
      for (Map.Entry<String, Expression> variable : variables.entrySet()) {
        inner = inner.bind(variable.getKey(), variable.getValue().evaluate(scope));
      }
      return in.evaluate(inner);
    };
  }
}
