package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $setUnion $setIntersection $setDifference $setEquals $setIsSubset $allElementsTrue $anyElementTrue}.
 * Arrays are sets under the expression order (duplicates removed, 1 and 1.0 equal, strings equal under the
 * collation); results come out in that order, which mongod leaves unspecified.
 */
final class SetOperators {
  private SetOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$setUnion", (CollatedOperation) SetOperators::union);
    table.variadic("$setIntersection", (CollatedOperation) SetOperators::intersection);
    table.fixed("$setDifference", 2, (CollatedOperation) SetOperators::difference);
    table.variadic("$setEquals", (CollatedOperation) SetOperators::equals);
    table.fixed("$setIsSubset", 2, (CollatedOperation) SetOperators::subset);
    table.unary("$allElementsTrue", v -> BsonBoolean.valueOf(
        elements("$allElementsTrue", v, 17040).stream().allMatch(Values::truthy)));
    table.unary("$anyElementTrue", v -> BsonBoolean.valueOf(
        elements("$anyElementTrue", v, 17041).stream().anyMatch(Values::truthy)));
  }

  private static List<BsonValue> elements(String name, BsonValue value, int code) {
    if (value == null || !value.isArray()) {
      throw ErrorCode.location(code).error(name + "'s argument must be an array, but is " + Values.typeName(value));
    }
    return value.asArray().getValues();
  }

  /** The distinct elements of an array, equal under the collation counting once. */
  private static TreeSet<BsonValue> set(BsonValue array, Collation collation) {
    TreeSet<BsonValue> set = new TreeSet<>(order(collation));
    set.addAll(array.asArray().getValues());
    return set;
  }

  /** Fails with {@code code} unless every operand is an array; true when some operand is null or missing. */
  private static boolean anyNull(String name, List<BsonValue> operands, int code) {
    boolean anyNull = false;
    for (BsonValue operand : operands) {
      if (Values.isNullish(operand)) {
        anyNull = true;
      } else if (!operand.isArray()) {
        throw ErrorCode.location(code).error("All operands of " + name + " must be arrays. One argument is of "
            + "type: " + Values.typeName(operand));
      }
    }
    return anyNull;
  }

  private static Comparator<BsonValue> order(Collation collation) {
    return (left, right) -> Values.compare(left, right, collation);
  }

  private static BsonValue union(List<BsonValue> operands, Collation collation) {
    if (anyNull("$setUnion", operands, 17043)) {
      return BsonNull.VALUE;
    }
    TreeSet<BsonValue> union = new TreeSet<>(order(collation));
    operands.forEach(operand -> union.addAll(operand.asArray().getValues()));
    return new BsonArray(new ArrayList<>(union));
  }

  private static BsonValue intersection(List<BsonValue> operands, Collation collation) {
    if (anyNull("$setIntersection", operands, 17047)) {
      return BsonNull.VALUE;
    }
    if (operands.isEmpty()) {
      return new BsonArray();
    }
    TreeSet<BsonValue> common = set(operands.get(0), collation);
    operands.forEach(operand -> common.retainAll(set(operand, collation)));
    return new BsonArray(new ArrayList<>(common));
  }

  private static BsonValue difference(List<BsonValue> operands, Collation collation) {
    BsonValue left = operands.get(0);
    BsonValue right = operands.get(1);
    if (Values.isNullish(left) || Values.isNullish(right)) {
      return BsonNull.VALUE;
    }
    requireArray("$setDifference", left, "First", 17048);
    requireArray("$setDifference", right, "Second", 17049);
    TreeSet<BsonValue> result = set(left, collation);
    result.removeAll(set(right, collation));
    return new BsonArray(new ArrayList<>(result));
  }

  private static void requireArray(String name, BsonValue value, String which, int code) {
    if (value == null || !value.isArray()) {
      throw ErrorCode.location(code).error("both operands of " + name + " must be arrays. " + which
          + " argument is of type: " + Values.typeName(value));
    }
  }

  private static BsonValue equals(List<BsonValue> operands, Collation collation) {
    if (operands.size() < 2) {
      throw ErrorCode.location(17045).error("$setEquals needs at least two arguments had: " + operands.size());
    }
    for (BsonValue operand : operands) {
      if (operand == null || !operand.isArray()) {
        throw ErrorCode.location(17044).error("All operands of $setEquals must be arrays. One argument is of "
            + "type: " + Values.typeName(operand));
      }
    }
    TreeSet<BsonValue> first = set(operands.get(0), collation);
    return BsonBoolean.valueOf(operands.stream().allMatch(operand -> set(operand, collation).equals(first)));
  }

  private static BsonValue subset(List<BsonValue> operands, Collation collation) {
    BsonValue left = operands.get(0);
    BsonValue right = operands.get(1);
    requireArray("$setIsSubset", left, "First", 17046);
    requireArray("$setIsSubset", right, "Second", 17042);
    return BsonBoolean.valueOf(set(right, collation).containsAll(set(left, collation)));
  }
}
