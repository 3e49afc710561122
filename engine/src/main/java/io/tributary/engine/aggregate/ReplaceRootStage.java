package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $replaceRoot: {newRoot: <expr>}} and {@code $replaceWith: <expr>}: the document becomes the value. */
record ReplaceRootStage(String name, Expression newRoot, String what) implements DocumentStage {
  static ReplaceRootStage parseReplaceRoot(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(40229).error("expected an object as specification for $replaceRoot stage, got "
          + Values.typeName(spec));
    }
    for (String key : spec.asDocument().keySet()) {
      if (!key.equals("newRoot")) {
        throw ErrorCode.location(40415).error("BSON field '$replaceRoot." + key + "' is an unknown field.");
      }
    }
    if (!spec.asDocument().containsKey("newRoot")) {
      throw ErrorCode.location(40414).error("BSON field '$replaceRoot.newRoot' is missing but a required field");
    }
    return new ReplaceRootStage("$replaceRoot", Expressions.parse(spec.asDocument().get("newRoot"), context),
        "'newRoot' expression ");
  }

  static ReplaceRootStage parseReplaceWith(BsonValue spec, ParseContext context) {
    return new ReplaceRootStage("$replaceWith", Expressions.parse(spec, context), "'replacement document' ");
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    BsonValue value = newRoot.evaluate(execution.scope(document));
    if (value == null || !value.isDocument()) {
      throw ErrorCode.location(40228).error(what + "must evaluate to an object, but resulting value was: "
          + Values.format(value) + ". Type of resulting value: '" + Values.typeName(value)
          + "'. Input document: " + Values.format(document));
    }
    return value.asDocument();
  }
}
