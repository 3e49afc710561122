package io.tributary.engine.update;

import io.tributary.engine.collation.Collation;
import java.util.Map;
import org.bson.BsonValue;

/** The update operators MongoDB knows, each with the factory of its leaf node. Stateless. */
final class ModifierTable {
  /** Builds the leaf for one {@code field: operand} pair of an operator, comparing values under {@code collation}. */
  @FunctionalInterface
  interface Factory {
    ModifierNode create(String field, BsonValue operand, Collation collation);
  }

  private static final Map<String, Factory> FACTORIES = Map.ofEntries(
      Map.entry("$set", (field, operand, collation) -> new SetModifier(operand, false)),
      Map.entry("$setOnInsert", (field, operand, collation) -> new SetModifier(operand, true)),
      Map.entry("$unset", (field, operand, collation) -> new UnsetModifier()),
      Map.entry("$inc", (field, operand, collation) -> ArithmeticModifier.parse("$inc", field, operand)),
      Map.entry("$mul", (field, operand, collation) -> ArithmeticModifier.parse("$mul", field, operand)),
      Map.entry("$min", (field, operand, collation) -> new CompareModifier(false, operand, collation)),
      Map.entry("$max", (field, operand, collation) -> new CompareModifier(true, operand, collation)),
      Map.entry("$currentDate", (field, operand, collation) -> CurrentDateModifier.parse(operand)),
      Map.entry("$rename", (field, operand, collation) -> RenameModifier.parse(field, operand)),
      Map.entry("$push", (field, operand, collation) -> PushModifier.parse(operand, collation)),
      Map.entry("$addToSet", (field, operand, collation) -> AddToSetModifier.parse(operand, collation)),
      Map.entry("$pop", (field, operand, collation) -> PopModifier.parse(field, operand)),
      Map.entry("$pull", (field, operand, collation) -> PullModifier.pull(operand, collation)),
      Map.entry("$pullAll", (field, operand, collation) -> PullModifier.pullAll(operand, collation)),
      Map.entry("$bit", (field, operand, collation) -> BitModifier.parse(operand)));

  private ModifierTable() {}

  /** The factory for {@code operator}, or null when MongoDB has no such update operator. */
  static Factory lookup(String operator) {
    return FACTORIES.get(operator);
  }
}
