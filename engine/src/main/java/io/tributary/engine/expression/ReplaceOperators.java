package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.Set;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** {@code $replaceOne} and {@code $replaceAll} ({@code {input, find, replacement}}), plain-string matching. */
final class ReplaceOperators {
  private ReplaceOperators() {}

  static void register(OperatorTable table) {
    table.custom("$replaceOne", (operand, context) -> replace("$replaceOne", operand, context, false));
    table.custom("$replaceAll", (operand, context) -> replace("$replaceAll", operand, context, true));
  }

  private static Expression replace(String name, BsonValue operand, ParseContext context, boolean all) {
    NamedArguments arguments = NamedArguments.parse(name, operand, context,
        Set.of("input", "find", "replacement"), 51751, 51750);
    Expression input = arguments.required("input", 51749);
    Expression find = arguments.required("find", 51748);
    Expression replacement = arguments.required("replacement", 51747);
    return scope -> {
      BsonValue text = input.evaluate(scope);
      BsonValue target = find.evaluate(scope);
      BsonValue with = replacement.evaluate(scope);
      String t = requireString(name, "input", text);
      String f = requireString(name, "find", target);
      String w = requireString(name, "replacement", with);
      if (t == null || f == null || w == null) {
        return BsonNull.VALUE;
      }
      return new BsonString(all ? t.replace(f, w) : replaceFirst(t, f, w));
    };
  }

  /** The string value, null for null/missing, failing with 51746 for other types. */
  private static String requireString(String name, String what, BsonValue value) {
    if (Values.isNullish(value)) {
      return null;
    }
    if (!value.isString()) {
      throw ErrorCode.location(51746).error(name + " requires that '" + what + "' be a string, found: "
          + Values.format(value));
    }
    return value.asString().getValue();
  }

  private static String replaceFirst(String text, String find, String replacement) {
    int at = text.indexOf(find);
    return at < 0 ? text : text.substring(0, at) + replacement + text.substring(at + find.length());
  }
}
