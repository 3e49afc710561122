package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $setUnion $setIntersection $setDifference $setEquals $setIsSubset $allElementsTrue $anyElementTrue}.
 * Arrays are sets under the expression order (duplicates removed, 1 and 1.0 equal); results come out in that
 * order, which mongod leaves unspecified.
 */
final class SetOperators {
  private SetOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$setUnion", SetOperators::union);
    table.variadic("$setIntersection", SetOperators::intersection);
    table.binary("$setDifference", SetOperators::difference);
    table.variadic("$setEquals", SetOperators::equals);
    table.binary("$setIsSubset", SetOperators::subset);
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

  private static TreeSet<BsonValue> set(BsonValue array) {
    TreeSet<BsonValue> set = new TreeSet<>(Values.ORDER);
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

  private static BsonValue union(List<BsonValue> operands) {
    if (anyNull("$setUnion", operands, 17043)) {
      return BsonNull.VALUE;
    }
    TreeSet<BsonValue> union = new TreeSet<>(Values.ORDER);
    operands.forEach(operand -> union.addAll(operand.asArray().getValues()));
    return new BsonArray(new ArrayList<>(union));
  }

  private static BsonValue intersection(List<BsonValue> operands) {
    if (anyNull("$setIntersection", operands, 17047)) {
      return BsonNull.VALUE;
    }
    if (operands.isEmpty()) {
      return new BsonArray();
    }
    TreeSet<BsonValue> common = set(operands.get(0));
    operands.forEach(operand -> common.retainAll(set(operand)));
    return new BsonArray(new ArrayList<>(common));
  }

  private static BsonValue difference(BsonValue left, BsonValue right) {
    if (Values.isNullish(left) || Values.isNullish(right)) {
      return BsonNull.VALUE;
    }
    requireArray("$setDifference", left, "First", 17048);
    requireArray("$setDifference", right, "Second", 17049);
    TreeSet<BsonValue> result = set(left);
    result.removeAll(set(right));
    return new BsonArray(new ArrayList<>(result));
  }

  private static void requireArray(String name, BsonValue value, String which, int code) {
    if (value == null || !value.isArray()) {
      throw ErrorCode.location(code).error("both operands of " + name + " must be arrays. " + which
          + " argument is of type: " + Values.typeName(value));
    }
  }

  private static BsonValue equals(List<BsonValue> operands) {
    if (operands.size() < 2) {
      throw ErrorCode.location(17045).error("$setEquals needs at least two arguments had: " + operands.size());
    }
    for (BsonValue operand : operands) {
      if (operand == null || !operand.isArray()) {
        throw ErrorCode.location(17044).error("All operands of $setEquals must be arrays. One argument is of "
            + "type: " + Values.typeName(operand));
      }
    }
    TreeSet<BsonValue> first = set(operands.get(0));
    return BsonBoolean.valueOf(operands.stream().allMatch(operand -> set(operand).equals(first)));
  }

  private static BsonValue subset(BsonValue left, BsonValue right) {
    requireArray("$setIsSubset", left, "First", 17046);
    requireArray("$setIsSubset", right, "Second", 17042);
    return BsonBoolean.valueOf(set(right).containsAll(set(left)));
  }
}
