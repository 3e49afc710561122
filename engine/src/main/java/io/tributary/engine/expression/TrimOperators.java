package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.Set;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** {@code $trim $ltrim $rtrim} ({@code {input, chars}}); the default characters are mongod's whitespace set. */
final class TrimOperators {
  private static final String WHITESPACE = "\u0000 \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004"
      + "\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

  private TrimOperators() {}

  static void register(OperatorTable table) {
    table.custom("$trim", (operand, context) -> trim("$trim", operand, context, true, true));
    table.custom("$ltrim", (operand, context) -> trim("$ltrim", operand, context, true, false));
    table.custom("$rtrim", (operand, context) -> trim("$rtrim", operand, context, false, true));
  }

  private static Expression trim(String name, BsonValue operand, ParseContext context, boolean left,
      boolean right) {
    NamedArguments arguments = NamedArguments.parse(name, operand, context, Set.of("input", "chars"), 50696, 50694);
    Expression input = arguments.required("input", 50695);
    Expression chars = arguments.optional("chars");
    return scope -> {
      BsonValue value = input.evaluate(scope);
      BsonValue set = chars == null ? new BsonString(WHITESPACE) : chars.evaluate(scope);
      if (Values.isNullish(value) || Values.isNullish(set)) {
        return BsonNull.VALUE;
      }
      String text = requireString(name, value, "its input", 50699);
      int[] trimmed = requireString(name, set, "'chars'", 50700).codePoints().toArray();
      return new BsonString(strip(text, trimmed, left, right));
    };
  }

  private static String requireString(String name, BsonValue value, String what, int code) {
    if (!value.isString()) {
      throw ErrorCode.location(code).error(name + " requires " + what + " to be a string, got "
          + Values.format(value) + " (of type " + Values.typeName(value) + ") instead.");
    }
    return value.asString().getValue();
  }

  private static String strip(String text, int[] trimmed, boolean left, boolean right) {
    int[] codePoints = text.codePoints().toArray();
    int from = 0;
    int to = codePoints.length;
    while (left && from < to && contains(trimmed, codePoints[from])) {
      from++;
    }
    while (right && to > from && contains(trimmed, codePoints[to - 1])) {
      to--;
    }
    return new String(codePoints, from, to - from);
  }

  private static boolean contains(int[] set, int codePoint) {
    for (int c : set) {
      if (c == codePoint) {
        return true;
      }
    }
    return false;
  }
}
