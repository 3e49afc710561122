package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Parses the operator document of one path ({@code {$gt: 1, $lt: 5}}) into a {@link ValuePredicate}, failing
 * with mongod's codes and messages. Stateless and thread-safe.
 */
final class PredicateParser {
  /** Filter-level operators that make an {@code $elemMatch} argument a filter rather than value operators. */
  private static final Set<String> FILTER_OPERATORS = Set.of("$and", "$or", "$nor", "$expr", "$where", "$text",
      "$comment", "$jsonSchema", "$alwaysTrue", "$alwaysFalse");

  private final FilterParser filters;
  private final Comparator<String> strings;

  /**
   * {@code filters} parses the filters nested in {@code $elemMatch}; {@code strings} compares strings in
   * equalities and ranges (the query's collation; null for binary order).
   */
  PredicateParser(FilterParser filters, Comparator<String> strings) {
    this.filters = filters;
    this.strings = strings;
  }

  ValuePredicate parse(BsonDocument operators) {
    List<ValuePredicate> predicates = new ArrayList<>();
    BsonValue regex = null;
    BsonValue options = null;
    for (Map.Entry<String, BsonValue> entry : operators.entrySet()) {
      switch (entry.getKey()) {
        case "$regex" -> regex = entry.getValue();
        case "$options" -> options = entry.getValue();
        default -> predicates.add(operator(entry.getKey(), entry.getValue()));
      }
    }
    if (regex != null || options != null) {
      predicates.add(regex(regex, options));
    }
    return predicates.size() == 1 ? predicates.get(0) : new ValuePredicate.AllOf(List.copyOf(predicates));
  }

  private ValuePredicate operator(String name, BsonValue operand) {
    return switch (name) {
      case "$eq" -> equals(operand);
      case "$ne" -> new ValuePredicate.Not(notEquals(operand));
      case "$gt" -> comparison(ValuePredicate.Comparison.Operator.GT, operand);
      case "$gte" -> comparison(ValuePredicate.Comparison.Operator.GTE, operand);
      case "$lt" -> comparison(ValuePredicate.Comparison.Operator.LT, operand);
      case "$lte" -> comparison(ValuePredicate.Comparison.Operator.LTE, operand);
      case "$in" -> in(name, operand);
      case "$nin" -> new ValuePredicate.Not(in(name, operand));
      case "$exists" -> exists(operand);
      case "$type" -> TypeOperand.parse(operand);
      case "$size" -> size(operand);
      case "$mod" -> modulo(operand);
      case "$all" -> all(operand);
      case "$elemMatch" -> elemMatch(operand);
      case "$not" -> not(operand);
      case "$bitsAllSet" -> BitOperand.parse(name, BitTest.Mode.ALL_SET, operand);
      case "$bitsAllClear" -> BitOperand.parse(name, BitTest.Mode.ALL_CLEAR, operand);
      case "$bitsAnySet" -> BitOperand.parse(name, BitTest.Mode.ANY_SET, operand);
      case "$bitsAnyClear" -> BitOperand.parse(name, BitTest.Mode.ANY_CLEAR, operand);
      default -> throw ErrorCode.BAD_VALUE.error("unknown operator: " + name);
    };
  }

  /** {@code $eq}, and the implicit equality of {@code {a: 5}}. */
  ValuePredicate equals(BsonValue operand) {
    return new ValuePredicate.Equals(comparable(operand), strings);
  }

  private ValuePredicate notEquals(BsonValue operand) {
    if (operand.isRegularExpression()) {
      throw ErrorCode.BAD_VALUE.error("Can't have regex as arg to $ne.");
    }
    return equals(operand);
  }

  private ValuePredicate comparison(ValuePredicate.Comparison.Operator operator, BsonValue operand) {
    return new ValuePredicate.Comparison(operator, comparable(operand), strings);
  }

  private static BsonValue comparable(BsonValue operand) {
    if (operand.getBsonType() == BsonType.UNDEFINED) {
      throw ErrorCode.BAD_VALUE.error("cannot compare to undefined");
    }
    return operand;
  }

  private ValuePredicate in(String name, BsonValue operand) {
    if (!operand.isArray()) {
      throw ErrorCode.BAD_VALUE.error(name + " needs an array");
    }
    List<BsonValue> values = new ArrayList<>();
    List<RegexMatch> regexes = new ArrayList<>();
    for (BsonValue element : operand.asArray()) {
      if (element.isRegularExpression()) {
        regexes.add(RegexMatch.of(element.asRegularExpression()));
      } else if (FilterParser.isOperatorDocument(element)) {
        throw ErrorCode.BAD_VALUE.error("cannot nest $ under " + name);
      } else if (element.getBsonType() == BsonType.UNDEFINED) {
        throw ErrorCode.BAD_VALUE.error("InMatchExpression equality cannot be undefined");
      } else {
        values.add(element);
      }
    }
    return new ValuePredicate.InSet(List.copyOf(values), List.copyOf(regexes), strings);
  }

  private static ValuePredicate exists(BsonValue operand) {
    ValuePredicate exists = new ValuePredicate.Exists();
    return isTrue(operand) ? exists : new ValuePredicate.Not(exists);
  }

  /** BSON truthiness as mongod's {@code trueValue()} reads a flag (an operator's, or a projection's 1/0). */
  static boolean isTrue(BsonValue operand) {
    return switch (operand.getBsonType()) {
      case BOOLEAN -> operand.asBoolean().getValue();
      case INT32, INT64, DOUBLE -> operand.asNumber().doubleValue() != 0;
      case DECIMAL128 -> operand.asDecimal128().getValue().doubleValue() != 0;
      case NULL, UNDEFINED -> false;
      default -> true;
    };
  }

  private static ValuePredicate size(BsonValue operand) {
    if (!operand.isNumber() && !operand.isDecimal128()) {
      throw ErrorCode.BAD_VALUE.error("$size needs a number");
    }
    double size = Numbers.toDouble(operand);
    if (size != Math.rint(size)) {
      throw ErrorCode.BAD_VALUE.error("$size must be a whole number");
    }
    if (size < 0) {
      throw ErrorCode.BAD_VALUE.error("$size may not be negative");
    }
    return size > Integer.MAX_VALUE ? new ValuePredicate.Never() : new ValuePredicate.SizeIs((int) size);
  }

  private static ValuePredicate modulo(BsonValue operand) {
    if (!operand.isArray()) {
      throw ErrorCode.BAD_VALUE.error("malformed mod, needs to be an array");
    }
    List<BsonValue> arguments = operand.asArray();
    if (arguments.size() < 2) {
      throw ErrorCode.BAD_VALUE.error("malformed mod, not enough elements");
    }
    if (arguments.size() > 2) {
      throw ErrorCode.BAD_VALUE.error("malformed mod, too many elements");
    }
    long divisor = modArgument(arguments.get(0), "divisor");
    long remainder = modArgument(arguments.get(1), "remainder");
    if (divisor == 0) {
      throw ErrorCode.BAD_VALUE.error("divisor cannot be 0");
    }
    return new ValuePredicate.Modulo(divisor, remainder);
  }

  private static long modArgument(BsonValue argument, String role) {
    if (argument.isDecimal128()) {
      return argument.asDecimal128().getValue().longValue();
    }
    if (!argument.isNumber()) {
      throw ErrorCode.BAD_VALUE.error("malformed mod, " + role + " not a number");
    }
    double value = argument.asNumber().doubleValue();
    if (argument.isDouble() && !Double.isFinite(value)) {
      throw ErrorCode.BAD_VALUE.error("malformed mod, " + role + " value is invalid :: caused by :: " + value);
    }
    return argument.asNumber().longValue();
  }

  private ValuePredicate all(BsonValue operand) {
    if (!operand.isArray()) {
      throw ErrorCode.BAD_VALUE.error("$all needs an array");
    }
    List<ValuePredicate> predicates = new ArrayList<>();
    boolean elemMatches = !operand.asArray().isEmpty() && isElemMatch(operand.asArray().get(0));
    for (BsonValue element : operand.asArray()) {
      if (isElemMatch(element) != elemMatches) {
        throw ErrorCode.BAD_VALUE.error("$all/$elemMatch has to be consistent");
      }
      if (elemMatches) {
        predicates.add(elemMatch(element.asDocument().get("$elemMatch")));
      } else if (element.isRegularExpression()) {
        predicates.add(RegexMatch.of(element.asRegularExpression()));
      } else if (FilterParser.isOperatorDocument(element)) {
        throw ErrorCode.BAD_VALUE.error("no $ expressions in $all");
      } else {
        predicates.add(equals(element));
      }
    }
    return predicates.isEmpty() ? new ValuePredicate.Never() : new ValuePredicate.AllOf(List.copyOf(predicates));
  }

  private static boolean isElemMatch(BsonValue value) {
    return value.isDocument() && !value.asDocument().isEmpty()
        && value.asDocument().getFirstKey().equals("$elemMatch");
  }

  private ValuePredicate elemMatch(BsonValue operand) {
    if (!operand.isDocument()) {
      throw ErrorCode.BAD_VALUE.error("$elemMatch needs an Object");
    }
    BsonDocument argument = operand.asDocument();
    boolean valueForm = FilterParser.isOperatorDocument(argument) && !FILTER_OPERATORS.contains(argument.getFirstKey());
    return valueForm
        ? new ElemMatch.OfValues(parse(argument))
        : new ElemMatch.OfDocuments(filters.parse(argument));
  }

  private ValuePredicate not(BsonValue operand) {
    if (operand.isRegularExpression()) {
      return new ValuePredicate.Not(RegexMatch.of(operand.asRegularExpression()));
    }
    if (!operand.isDocument()) {
      throw ErrorCode.BAD_VALUE.error("$not needs a regex or a document");
    }
    if (operand.asDocument().isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("$not cannot be empty");
    }
    return new ValuePredicate.Not(parse(operand.asDocument()));
  }

  private static ValuePredicate regex(BsonValue pattern, BsonValue options) {
    if (pattern == null) {
      throw ErrorCode.BAD_VALUE.error("$options needs a $regex");
    }
    if (options != null && !options.isString()) {
      throw ErrorCode.BAD_VALUE.error("$options has to be a string");
    }
    String flags = options == null ? "" : options.asString().getValue();
    if (pattern.isRegularExpression()) {
      BsonRegularExpression literal = pattern.asRegularExpression();
      if (!literal.getOptions().isEmpty() && !flags.isEmpty()) {
        throw ErrorCode.BAD_VALUE.error("options set in both $regex and $options");
      }
      String effective = flags.isEmpty() ? literal.getOptions() : flags;
      return RegexMatch.of(new BsonRegularExpression(literal.getPattern(), effective));
    }
    if (!pattern.isString()) {
      throw ErrorCode.BAD_VALUE.error("$regex has to be a string");
    }
    return RegexMatch.of(new BsonRegularExpression(pattern.asString().getValue(), flags));
  }
}
