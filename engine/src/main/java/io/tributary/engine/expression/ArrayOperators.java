package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $size $arrayElemAt $first $last $in $isArray $concatArrays $reverseArray $indexOfArray $slice}.
 * A null or missing array gives null (except {@code $size} and {@code $in}, which require an array).
 */
final class ArrayOperators {
  private ArrayOperators() {}

  static void register(OperatorTable table) {
    table.unary("$size", ArrayOperators::size);
    table.binary("$arrayElemAt", (a, i) -> elementAt("$arrayElemAt", a, i));
    table.unary("$first", a -> elementAt("$first", a, new BsonInt32(0)));
    table.unary("$last", a -> elementAt("$last", a, new BsonInt32(-1)));
    table.fixed("$in", 2, (CollatedOperation) ArrayOperators::in);
    table.unary("$isArray", v -> BsonBoolean.valueOf(v != null && v.isArray()));
    table.variadic("$concatArrays", ArrayOperators::concat);
    table.unary("$reverseArray", ArrayOperators::reverse);
    table.ranged("$indexOfArray", 2, 4, (CollatedOperation) ArrayOperators::indexOf);
    table.ranged("$slice", 2, 3, ArrayOperators::slice);
  }

  private static BsonValue size(BsonValue value) {
    if (value == null || !value.isArray()) {
      throw ErrorCode.location(17124).error("The argument to $size must be an array. Type of argument: "
          + Values.typeName(value));
    }
    return new BsonInt32(value.asArray().size());
  }

  private static BsonValue elementAt(String name, BsonValue array, BsonValue index) {
    if (Values.isNullish(array) || Values.isNullish(index)) {
      return BsonNull.VALUE;
    }
    if (!array.isArray()) {
      String which = name.equals("$arrayElemAt") ? "'s first argument" : "'s argument";
      throw ErrorCode.location(28689).error(name + which + " must be an array, but is "
          + Values.typeName(array));
    }
    if (!Numbers.isNumber(index)) {
      throw ErrorCode.location(28690).error(name + "'s second argument must be a numeric value, but is "
          + Values.typeName(index));
    }
    double position = Numbers.toDouble(index);
    if (position != (int) position) {
      throw ErrorCode.location(28691).error(name + "'s second argument must be representable as a 32-bit "
          + "integer: " + Values.format(index));
    }
    List<BsonValue> values = array.asArray().getValues();
    int at = position < 0 ? values.size() + (int) position : (int) position;
    return at < 0 || at >= values.size() ? null : values.get(at);
  }

  private static BsonValue in(List<BsonValue> arguments, Collation collation) {
    BsonValue value = arguments.get(0);
    BsonValue array = arguments.get(1);
    if (array == null || !array.isArray()) {
      throw ErrorCode.location(40081).error("$in requires an array as a second argument, found: "
          + Values.typeName(array));
    }
    return BsonBoolean.valueOf(array.asArray().stream().anyMatch(element -> Values.compare(element, value, collation) == 0));
  }

  private static BsonValue concat(List<BsonValue> arrays) {
    BsonArray result = new BsonArray();
    for (BsonValue array : arrays) {
      if (Values.isNullish(array)) {
        return BsonNull.VALUE;
      }
      if (!array.isArray()) {
        throw ErrorCode.location(28664).error("$concatArrays only supports arrays, not " + Values.typeName(array));
      }
      result.addAll(array.asArray());
    }
    return result;
  }

  private static BsonValue reverse(BsonValue array) {
    if (Values.isNullish(array)) {
      return BsonNull.VALUE;
    }
    if (!array.isArray()) {
      throw ErrorCode.location(34435).error("The argument to $reverseArray must be an array, but was of type: "
          + Values.typeName(array));
    }
    List<BsonValue> values = new ArrayList<>(array.asArray().getValues());
    Collections.reverse(values);
    return new BsonArray(values);
  }

  private static BsonValue indexOf(List<BsonValue> arguments, Collation collation) {
    BsonValue array = arguments.get(0);
    if (Values.isNullish(array)) {
      return BsonNull.VALUE;
    }
    if (!array.isArray()) {
      throw ErrorCode.location(40090).error("$indexOfArray requires an array as a first argument, found: "
          + Values.typeName(array));
    }
    List<BsonValue> values = array.asArray().getValues();
    int start = arguments.size() > 2 ? index(arguments.get(2), "starting") : 0;
    int end = arguments.size() > 3 ? Math.min(index(arguments.get(3), "ending"), values.size()) : values.size();
    for (int i = start; i < end; i++) {
      if (Values.compare(values.get(i), arguments.get(1), collation) == 0) {
        return new BsonInt32(i);
      }
    }
    return new BsonInt32(-1);
  }

  private static int index(BsonValue value, String which) {
    if (!Numbers.isNumber(value) || Numbers.toDouble(value) != Math.rint(Numbers.toDouble(value))) {
      throw ErrorCode.location(40096).error("$indexOfArray requires an integral " + which + " index, found a "
          + "value of type: " + Values.typeName(value) + ", with value: " + Values.format(value));
    }
    if (Numbers.sign(value) < 0) {
      throw ErrorCode.location(40097).error("$indexOfArray requires a nonnegative " + which + " index, found: "
          + Values.format(value));
    }
    return (int) Math.min(Numbers.toLong(value), Integer.MAX_VALUE);
  }

  private static BsonValue slice(List<BsonValue> arguments) {
    BsonValue array = arguments.get(0);
    if (arguments.stream().anyMatch(Values::isNullish)) {
      return BsonNull.VALUE;
    }
    if (!array.isArray()) {
      throw ErrorCode.location(28724).error("First argument to $slice must be an array, but is of type: "
          + Values.typeName(array));
    }
    List<BsonValue> values = array.asArray().getValues();
    int first = int32(arguments.get(1), "Second", 28725, 28726);
    if (arguments.size() == 2) {
      int from = first >= 0 ? 0 : Math.max(0, values.size() + first);
      int to = first >= 0 ? Math.min(first, values.size()) : values.size();
      return new BsonArray(new ArrayList<>(values.subList(from, to)));
    }
    int count = int32(arguments.get(2), "Third", 28727, 28728);
    if (count <= 0) {
      throw ErrorCode.location(28729).error("Third argument to $slice must be positive: "
          + Values.format(arguments.get(2)));
    }
    int from = first >= 0 ? Math.min(first, values.size()) : Math.max(0, values.size() + first);
    int to = (int) Math.min((long) from + count, values.size());
    return new BsonArray(new ArrayList<>(values.subList(from, to)));
  }

  private static int int32(BsonValue value, String which, int typeCode, int rangeCode) {
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(typeCode).error(which + " argument to $slice must be numeric, but is of type: "
          + Values.typeName(value));
    }
    double number = Numbers.toDouble(value);
    if (number != (int) number) {
      throw ErrorCode.location(rangeCode).error(which + " argument to $slice can't be represented as a 32-bit "
          + "integer: " + Values.format(value));
    }
    return (int) number;
  }
}
