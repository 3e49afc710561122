package io.tributary.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/** Evaluates expressions written in relaxed JSON against a document, for the expression tests. */
final class ExpressionAssertions {
  static final SystemVariables VARIABLES =
      new SystemVariables(new BsonDateTime(1_700_000_000_000L), new BsonTimestamp(1_700_000_000, 1),
          new BsonDocument());

  private ExpressionAssertions() {}

  static BsonValue value(String json) {
    return BsonDocument.parse("{v: " + json + "}").get("v");
  }

  /** The value of {@code expression} over {@code document}; null when missing. */
  static BsonValue evaluate(String expression, String document) {
    Expression parsed = Expressions.parse(value(expression), ParseContext.EMPTY);
    return parsed.evaluate(Scope.of(BsonDocument.parse(document), VARIABLES));
  }

  static void assertEvaluates(String expression, String document, String expected) {
    assertThat(evaluate(expression, document)).as(expression).isEqualTo(value(expected));
  }

  static void assertEvaluates(String expression, String expected) {
    assertEvaluates(expression, "{}", expected);
  }

  static void assertMissing(String expression, String document) {
    assertThat(evaluate(expression, document)).as(expression).isNull();
  }

  /** Parsing or evaluating fails with {@code code}; returns the message for further checks. */
  static String assertFails(String expression, String document, int code) {
    MongoError[] error = new MongoError[1];
    assertThatThrownBy(() -> evaluate(expression, document)).as(expression).isInstanceOfSatisfying(
        MongoError.class, e -> error[0] = e);
    assertThat(error[0].code().code()).as(expression + ": " + error[0].getMessage()).isEqualTo(code);
    return error[0].getMessage();
  }

  static String assertFails(String expression, int code) {
    return assertFails(expression, "{}", code);
  }
}
