package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.parseError;

import org.junit.jupiter.api.Test;

class ParseErrorsTest {
  @Test
  void unknownModifier() {
    assertError(parseError("{$foo: {a: 1}}"), 9, "FailedToParse",
        "Unknown modifier: $foo. Expected a valid update modifier or pipeline-style update specified as an array");
    assertError(parseError("{$set: {a: 1}, b: 2}"), 9, "FailedToParse",
        "Unknown modifier: b. Expected a valid update modifier or pipeline-style update specified as an array");
  }

  @Test
  void modifierOperandMustBeADocument() {
    assertError(parseError("{$set: 1}"), 9, "FailedToParse", "Modifiers operate on fields but we found type int"
        + " instead. For example: {$mod: {<field>: ...}} not {$set: 1}");
  }

  @Test
  void conflictingPaths() {
    assertError(parseError("{$set: {a: 1}, $inc: {a: 1}}"), 40, "ConflictingUpdateOperators",
        "Updating the path 'a' would create a conflict at 'a'");
    assertError(parseError("{$set: {a: 1, 'a.b': 1}}"), 40, "ConflictingUpdateOperators",
        "Updating the path 'a.b' would create a conflict at 'a'");
    assertError(parseError("{$set: {'a.b': 1}, $unset: {a: 1}}"), 40, "ConflictingUpdateOperators",
        "Updating the path 'a' would create a conflict at 'a'");
    assertError(parseError("{$set: {'a.$[].b': 1, 'a.0.c': 1}}"), 40, "ConflictingUpdateOperators",
        "Updating the path 'a.0.c' would create a conflict at 'a'");
  }

  @Test
  void emptyPathComponents() {
    assertError(parseError("{$set: {'': 1}}"), 56, "EmptyFieldName", "An empty update path is not valid.");
    assertError(parseError("{$set: {'a..b': 1}}"), 56, "EmptyFieldName",
        "The update path 'a..b' contains an empty field name, which is not allowed.");
  }

  @Test
  void positionalPlacement() {
    assertError(parseError("{$set: {'$': 1}}"), 2, "BadValue",
        "Cannot have positional (i.e. '$') element in the first position in path '$'");
    assertError(parseError("{$set: {'a.$.b.$': 1}}"), 2, "BadValue",
        "Too many positional (i.e. '$') elements found in path 'a.$.b.$'");
  }
}
