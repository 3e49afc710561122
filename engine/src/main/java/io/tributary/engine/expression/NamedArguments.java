package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.BsonValue;

/**
 * The parsed {@code {input: ..., find: ...}} operand of an operator taking named arguments. Unknown names and
 * a non-document operand fail with the operator's own mongod codes.
 */
final class NamedArguments {
  private final String operator;
  private final Map<String, BsonValue> raw;
  private final ParseContext context;

  private NamedArguments(String operator, Map<String, BsonValue> raw, ParseContext context) {
    this.operator = operator;
    this.raw = raw;
    this.context = context;
  }

  /**
   * Reads {@code operand} as named arguments. {@code notObjectCode} and {@code unknownCode} are the mongod
   * assertion ids for "requires an object" and "found an unknown argument".
   */
  static NamedArguments parse(String operator, BsonValue operand, ParseContext context, Set<String> allowed,
      int notObjectCode, int unknownCode) {
    if (!operand.isDocument()) {
      throw ErrorCode.location(notObjectCode).error(operator + " requires an object as an argument, found: "
          + Values.typeName(operand));
    }
    Map<String, BsonValue> raw = new HashMap<>();
    for (Map.Entry<String, BsonValue> entry : operand.asDocument().entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw ErrorCode.location(unknownCode).error(operator + " found an unknown argument: " + entry.getKey());
      }
      raw.put(entry.getKey(), entry.getValue());
    }
    return new NamedArguments(operator, raw, context);
  }

  boolean has(String name) {
    return raw.containsKey(name);
  }

  BsonValue raw(String name) {
    return raw.get(name);
  }

  /** The named argument, failing with {@code code} when it is absent. */
  Expression required(String name, int code) {
    return required(name, code, context);
  }

  /** The named argument parsed in {@code inner} (which binds more variables), failing with {@code code}. */
  Expression required(String name, int code, ParseContext inner) {
    if (!raw.containsKey(name)) {
      throw ErrorCode.location(code).error(operator + " requires '" + name + "' to be specified");
    }
    return Expressions.parse(raw.get(name), inner);
  }

  /** The named argument, or null when it is absent. */
  Expression optional(String name) {
    return raw.containsKey(name) ? Expressions.parse(raw.get(name), context) : null;
  }
}
