package io.tributary.engine.update;

import java.util.Map;
import org.bson.BsonValue;

/** The update operators MongoDB knows, each with the factory of its leaf node. Stateless. */
final class ModifierTable {
  /** Builds the leaf for one {@code field: operand} pair of an operator. */
  @FunctionalInterface
  interface Factory {
    ModifierNode create(String field, BsonValue operand);
  }

  private static final Map<String, Factory> FACTORIES = Map.ofEntries(
      Map.entry("$set", (field, operand) -> new SetModifier(operand, false)),
      Map.entry("$setOnInsert", (field, operand) -> new SetModifier(operand, true)),
      Map.entry("$unset", (field, operand) -> new UnsetModifier()),
      Map.entry("$inc", (field, operand) -> ArithmeticModifier.parse("$inc", field, operand)),
      Map.entry("$mul", (field, operand) -> ArithmeticModifier.parse("$mul", field, operand)),
      Map.entry("$min", (field, operand) -> new CompareModifier(false, operand)),
      Map.entry("$max", (field, operand) -> new CompareModifier(true, operand)),
      Map.entry("$currentDate", (field, operand) -> CurrentDateModifier.parse(operand)),
      Map.entry("$rename", RenameModifier::parse),
      Map.entry("$push", (field, operand) -> PushModifier.parse(operand)),
      Map.entry("$addToSet", (field, operand) -> AddToSetModifier.parse(operand)),
      Map.entry("$pop", PopModifier::parse),
      Map.entry("$pull", (field, operand) -> PullModifier.pull(operand)),
      Map.entry("$pullAll", (field, operand) -> PullModifier.pullAll(operand)),
      Map.entry("$bit", (field, operand) -> BitModifier.parse(operand)));

  private ModifierTable() {}

  /** The factory for {@code operator}, or null when MongoDB has no such update operator. */
  static Factory lookup(String operator) {
    return FACTORIES.get(operator);
  }
}
