package io.tributary.conformance.unified;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Evaluates what an operation produced against its {@code ignoreResultAndError}, {@code
 * expectError}, {@code expectResult} and {@code saveResultAsEntity}. Stateless.
 */
// spec: unified-test-format.md#executing-an-operation
final class OperationResult {

  private OperationResult() {}

  static void evaluate(BsonDocument operation, Object result, RuntimeException error, TestContext context) {
    if (operation.getBoolean("ignoreResultAndError", org.bson.BsonBoolean.FALSE).getValue()) {
      if (operation.containsKey("expectError") || operation.containsKey("expectResult")
          || operation.containsKey("saveResultAsEntity")) {
        throw new InvalidTestFile("ignoreResultAndError excludes expectError, expectResult and saveResultAsEntity");
      }
      return;
    }
    if (operation.containsKey("expectError")) {
      if (error == null) {
        throw new AssertionError("expected an error but " + operation.getString("name").getValue()
            + " returned " + result);
      }
      ExpectedError.check(operation.getDocument("expectError"), error, context.matcher());
      return;
    }
    if (error != null) {
      throw error;
    }
    if (operation.containsKey("expectResult")) {
      matchResult(operation.get("expectResult"), result, context.matcher());
    }
    if (operation.containsKey("saveResultAsEntity")) {
      context.entities().put(operation.getString("saveResultAsEntity").getValue(),
          result instanceof IteratedDocuments documents ? documents.documents() : result);
    }
  }

  private static void matchResult(BsonValue expected, Object result, ValueMatcher matcher) {
    if (result instanceof IteratedDocuments documents) {
      matcher.matchRootDocuments(expected, documents.documents());
    } else if (result == null) {
      matcher.match(expected, ValueMatcher.isOperator(expected) ? null : BsonNull.VALUE, true);
    } else if (result instanceof BsonValue value) {
      matcher.match(expected, value, true);
    } else {
      throw new InvalidTestFile("expectResult on an operation returning a " + result.getClass().getSimpleName());
    }
  }
}
