package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code $concat $substr $substrBytes $substrCP $toLower $toUpper $strLenBytes $strLenCP $split $indexOfBytes
 * $indexOfCP $strcasecmp}. Byte offsets count UTF-8 bytes; "CP" variants count code points. Case mapping is
 * ASCII-only, as in mongod.
 */
final class StringOperators {
  private StringOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$concat", StringOperators::concat);
    table.fixed("$substr", 3, a -> substrBytes("$substr", a));
    table.fixed("$substrBytes", 3, a -> substrBytes("$substrBytes", a));
    table.fixed("$substrCP", 3, StringOperators::substrCodePoints);
    table.unary("$toLower", v -> new BsonString(Strings.asciiCase(Strings.coerce(v), false)));
    table.unary("$toUpper", v -> new BsonString(Strings.asciiCase(Strings.coerce(v), true)));
    table.unary("$strLenBytes", v -> new BsonInt32(utf8(string("$strLenBytes", v, 34473)).length));
    table.unary("$strLenCP", v -> {
      String s = string("$strLenCP", v, 34471);
      return new BsonInt32(s.codePointCount(0, s.length()));
    });
    table.binary("$split", StringOperators::split);
    table.ranged("$indexOfBytes", 2, 4, a -> indexOf("$indexOfBytes", a, true));
    table.ranged("$indexOfCP", 2, 4, a -> indexOf("$indexOfCP", a, false));
    table.binary("$strcasecmp", (a, b) -> new BsonInt32(Integer.signum(
        Strings.asciiCase(Strings.coerce(a), true).compareTo(Strings.asciiCase(Strings.coerce(b), true)))));
    TrimOperators.register(table);
    ReplaceOperators.register(table);
  }

  private static String string(String operator, BsonValue value, int code) {
    if (value == null || !value.isString()) {
      throw ErrorCode.location(code).error(operator + " requires a string argument, found: "
          + Values.typeName(value));
    }
    return value.asString().getValue();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static BsonValue concat(List<BsonValue> arguments) {
    StringBuilder result = new StringBuilder();
    for (BsonValue argument : arguments) {
      if (Values.isNullish(argument)) {
        return BsonNull.VALUE;
      }
      if (!argument.isString()) {
        throw ErrorCode.location(16702).error("$concat only supports strings, not " + Values.typeName(argument));
      }
      result.append(argument.asString().getValue());
    }
    return new BsonString(result.toString());
  }

  private static BsonValue substrBytes(String name, List<BsonValue> arguments) {
    byte[] bytes = utf8(Strings.coerce(arguments.get(0)));
    BsonValue start = arguments.get(1);
    BsonValue length = arguments.get(2);
    if (!Numbers.isNumber(start)) {
      throw ErrorCode.location(16034).error(name + ":  starting index must be a numeric type (is BSON type "
          + Values.typeName(start) + ")");
    }
    if (!Numbers.isNumber(length)) {
      throw ErrorCode.location(16035).error(name + ":  length must be a numeric type (is BSON type "
          + Values.typeName(length) + ")");
    }
    long from = Numbers.toLong(start);
    if (from < 0 || from >= bytes.length) {
      return new BsonString("");
    }
    long count = Numbers.toLong(length);
    int to = (int) (count < 0 || from + count > bytes.length ? bytes.length : from + count);
    if (isContinuation(bytes, (int) from)) {
      throw ErrorCode.location(28656).error(name + ":  Invalid range, starting index is a UTF-8 continuation byte.");
    }
    if (isContinuation(bytes, to)) {
      throw ErrorCode.location(28657).error(name
          + ":  Invalid range, ending index is in the middle of a UTF-8 character.");
    }
    return new BsonString(new String(bytes, (int) from, to - (int) from, StandardCharsets.UTF_8));
  }

  private static boolean isContinuation(byte[] bytes, int index) {
    return index < bytes.length && (bytes[index] & 0xC0) == 0x80;
  }

  private static BsonValue substrCodePoints(List<BsonValue> arguments) {
    String text = Strings.coerce(arguments.get(0));
    int start = codePointArgument(arguments.get(1), "starting index", 34450, 34451);
    int length = codePointArgument(arguments.get(2), "length", 34452, 34453);
    if (length < 0) {
      throw ErrorCode.location(34454).error("$substrCP: length must be a nonnegative integer.");
    }
    if (start < 0) {
      throw ErrorCode.location(34455).error("$substrCP: the starting index must be nonnegative integer.");
    }
    int[] codePoints = text.codePoints().toArray();
    int from = Math.min(start, codePoints.length);
    int to = (int) Math.min((long) from + length, codePoints.length);
    return new BsonString(new String(codePoints, from, to - from));
  }

  private static int codePointArgument(BsonValue value, String what, int typeCode, int rangeCode) {
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(typeCode).error("$substrCP: " + what + " must be a numeric type (is BSON type "
          + Values.typeName(value) + ")");
    }
    double number = Numbers.toDouble(value);
    if (number != Math.rint(number) || number != (int) number) {
      throw ErrorCode.location(rangeCode).error("$substrCP: " + what
          + " cannot be represented as a 32-bit integral value");
    }
    return (int) number;
  }

  private static BsonValue split(BsonValue input, BsonValue separator) {
    if (Values.isNullish(input) || Values.isNullish(separator)) {
      return BsonNull.VALUE;
    }
    if (!input.isString()) {
      throw ErrorCode.location(40085).error("$split requires an expression that evaluates to a string as a first "
          + "argument, found: " + Values.typeName(input));
    }
    if (!separator.isString()) {
      throw ErrorCode.location(40086).error("$split requires an expression that evaluates to a string as a "
          + "second argument, found: " + Values.typeName(separator));
    }
    String text = input.asString().getValue();
    String delimiter = separator.asString().getValue();
    if (delimiter.isEmpty()) {
      throw ErrorCode.location(40087).error("$split requires a non-empty separator");
    }
    BsonArray parts = new BsonArray();
    int from = 0;
    for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
      parts.add(new BsonString(text.substring(from, at)));
      from = at + delimiter.length();
    }
    parts.add(new BsonString(text.substring(from)));
    return parts;
  }

  private static BsonValue indexOf(String name, List<BsonValue> arguments, boolean bytes) {
    BsonValue input = arguments.get(0);
    if (Values.isNullish(input)) {
      return BsonNull.VALUE;
    }
    if (!input.isString()) {
      throw ErrorCode.location(bytes ? 40091 : 40093).error(name + " requires a string as the first argument, "
          + "found: " + Values.typeName(input));
    }
    BsonValue token = arguments.get(1);
    if (token == null || !token.isString()) {
      throw ErrorCode.location(bytes ? 40092 : 40094).error(name + " requires a string as the second argument, "
          + "found: " + Values.typeName(token));
    }
    int[] text = units(input.asString().getValue(), bytes);
    int[] find = units(token.asString().getValue(), bytes);
    int start = arguments.size() > 2 ? index(name, arguments.get(2), "starting") : 0;
    int end = arguments.size() > 3 ? Math.min(index(name, arguments.get(3), "ending"), text.length) : text.length;
    for (int i = start; i + find.length <= end; i++) {
      if (Arrays.equals(text, i, i + find.length, find, 0, find.length)) {
        return new BsonInt32(i);
      }
    }
    return new BsonInt32(-1);
  }

  /** The string as UTF-8 bytes or as code points, so one search serves both variants. */
  private static int[] units(String text, boolean bytes) {
    if (!bytes) {
      return text.codePoints().toArray();
    }
    byte[] utf8 = utf8(text);
    int[] units = new int[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      units[i] = utf8[i];
    }
    return units;
  }

  private static int index(String name, BsonValue value, String which) {
    if (!Numbers.isNumber(value) || Numbers.toDouble(value) != Math.rint(Numbers.toDouble(value))) {
      throw ErrorCode.location(40096).error(name + " requires an integral " + which + " index, found a value of "
          + "type: " + Values.typeName(value) + ", with value: " + Values.format(value));
    }
    long index = Numbers.toLong(value);
    if (index < 0) {
      throw ErrorCode.location(40097).error(name + " requires a nonnegative " + which + " index, found: "
          + Values.format(value));
    }
    return (int) Math.min(index, Integer.MAX_VALUE);
  }
}
