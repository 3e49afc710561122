package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** {@code $range $zip $arrayToObject $objectToArray}: operators that build a new array or document. */
final class ArrayBuildingOperators {
  private ArrayBuildingOperators() {}

  static void register(OperatorTable table) {
    table.ranged("$range", 2, 3, ArrayBuildingOperators::range);
    table.custom("$zip", ArrayBuildingOperators::zip);
    table.unary("$arrayToObject", ArrayBuildingOperators::arrayToObject);
    table.unary("$objectToArray", ArrayBuildingOperators::objectToArray);
  }

  private static BsonValue range(List<BsonValue> arguments) {
    int start = int32(arguments.get(0), "starting value", 34443, 34444);
    int end = int32(arguments.get(1), "ending value", 34445, 34446);
    int step = arguments.size() > 2 ? int32(arguments.get(2), "step value", 34447, 34448) : 1;
    if (step == 0) {
      throw ErrorCode.location(34449).error("$range requires a non-zero step value");
    }
    BsonArray values = new BsonArray();
    for (long i = start; step > 0 ? i < end : i > end; i += step) {
      values.add(new BsonInt32((int) i));
    }
    return values;
  }

  private static int int32(BsonValue value, String what, int typeCode, int rangeCode) {
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(typeCode).error("$range requires a numeric " + what + ", found value of type: "
          + Values.typeName(value));
    }
    double number = Numbers.toDouble(value);
    if (number != (int) number) {
      throw ErrorCode.location(rangeCode).error("$range requires a " + what
          + " that can be represented as a 32-bit integer, found value: " + Values.format(value));
    }
    return (int) number;
  }

  private static Expression zip(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$zip", operand, context,
        Set.of("inputs", "useLongestLength", "defaults"), 34460, 34464);
    BsonValue inputs = arguments.raw("inputs");
    if (inputs == null || !inputs.isArray() || inputs.asArray().isEmpty()) {
      throw ErrorCode.location(34465).error("$zip requires at least one input array");
    }
    BsonValue longest = arguments.has("useLongestLength") ? arguments.raw("useLongestLength") : null;
    if (longest != null && !longest.isBoolean()) {
      throw ErrorCode.location(34463).error("useLongestLength must be a bool, found " + Values.typeName(longest));
    }
    boolean useLongest = longest != null && longest.asBoolean().getValue();
    List<Expression> defaults = new ArrayList<>();
    if (arguments.has("defaults")) {
      if (!useLongest) {
        throw ErrorCode.location(34466).error("cannot specify defaults unless useLongestLength is true");
      }
      defaults = OperatorTable.arguments(arguments.raw("defaults"), context);
      if (defaults.size() != inputs.asArray().size()) {
        throw ErrorCode.location(34467).error("defaults and inputs must have the same length");
      }
    }
    return new Zip(OperatorTable.arguments(inputs, context), defaults, useLongest);
  }

  private record Zip(List<Expression> inputs, List<Expression> defaults, boolean useLongest) implements Expression {
    @Override
    public BsonValue evaluate(Scope scope) {
      List<List<BsonValue>> arrays = new ArrayList<>();
      for (Expression input : inputs) {
        BsonValue array = input.evaluate(scope);
        if (Values.isNullish(array)) {
          return BsonNull.VALUE;
        }
        if (!array.isArray()) {
          throw ErrorCode.location(34468).error("$zip found a non-array expression in input: "
              + Values.format(array));
        }
        arrays.add(array.asArray().getValues());
      }
      int length = arrays.stream().mapToInt(List::size).reduce(useLongest ? 0 : Integer.MAX_VALUE,
          useLongest ? Math::max : Math::min);
      BsonArray zipped = new BsonArray();
      for (int i = 0; i < length; i++) {
        BsonArray tuple = new BsonArray();
        for (int j = 0; j < arrays.size(); j++) {
          tuple.add(i < arrays.get(j).size() ? arrays.get(j).get(i) : fallback(j, scope));
        }
        zipped.add(tuple);
      }
      return zipped;
    }

    private BsonValue fallback(int input, Scope scope) {
      BsonValue value = defaults.isEmpty() ? null : defaults.get(input).evaluate(scope);
      return value == null ? BsonNull.VALUE : value;
    }
  }

  private static BsonValue arrayToObject(BsonValue array) {
    if (Values.isNullish(array)) {
      return BsonNull.VALUE;
    }
    if (!array.isArray()) {
      throw ErrorCode.location(40386).error("$arrayToObject requires an array input, found: "
          + Values.typeName(array));
    }
    BsonDocument document = new BsonDocument();
    for (BsonValue pair : array.asArray()) {
      Map.Entry<String, BsonValue> field = field(pair);
      document.put(field.getKey(), field.getValue());
    }
    return document;
  }

  private static Map.Entry<String, BsonValue> field(BsonValue pair) {
    if (pair.isArray()) {
      List<BsonValue> values = pair.asArray().getValues();
      if (values.size() != 2) {
        throw ErrorCode.location(40397).error("$arrayToObject requires an array of size 2 arrays,found array of "
            + "size: " + values.size());
      }
      return Map.entry(key(values.get(0), 40395), values.get(1));
    }
    if (pair.isDocument()) {
      BsonDocument document = pair.asDocument();
      if (document.size() != 2) {
        throw ErrorCode.location(40392).error("$arrayToObject requires an object keys of 'k' and 'v'. Found "
            + "incorrect number of keys:" + document.size());
      }
      if (!document.containsKey("k") || !document.containsKey("v")) {
        throw ErrorCode.location(40393).error("$arrayToObject requires an object with keys 'k' and 'v'. Missing "
            + "either or both keys from: " + Values.format(document));
      }
      return Map.entry(key(document.get("k"), 40394), document.get("v"));
    }
    throw ErrorCode.location(40398).error("Unrecognised input type format for $arrayToObject: "
        + Values.typeName(pair));
  }

  private static String key(BsonValue key, int code) {
    if (!key.isString()) {
      throw ErrorCode.location(code).error("$arrayToObject requires an array of key-value pairs, where the key "
          + "must be of type string. Found key type: " + Values.typeName(key));
    }
    String name = key.asString().getValue();
    if (name.indexOf('\0') >= 0) {
      throw ErrorCode.location(4940400).error("Key field cannot contain an embedded null byte");
    }
    return name;
  }

  private static BsonValue objectToArray(BsonValue document) {
    if (Values.isNullish(document)) {
      return BsonNull.VALUE;
    }
    if (!document.isDocument()) {
      throw ErrorCode.location(40390).error("$objectToArray requires a document input, found: "
          + Values.typeName(document));
    }
    BsonArray pairs = new BsonArray();
    document.asDocument().forEach((k, v) -> pairs.add(new BsonDocument("k", new BsonString(k)).append("v", v)));
    return pairs;
  }
}
