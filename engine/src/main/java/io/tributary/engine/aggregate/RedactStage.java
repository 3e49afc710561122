package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.Values;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $redact}: evaluates the expression at the top document with {@code $$CURRENT} bound to it; {@code $$KEEP}
 * keeps it whole, {@code $$PRUNE} drops it, {@code $$DESCEND} keeps its scalar fields and repeats the decision for
 * each embedded document (also inside arrays).
 */
record RedactStage(Expression expression) implements DocumentStage {
  static final String NAME = "$redact";

  static RedactStage parse(BsonValue spec, ParseContext context) {
    return new RedactStage(Expressions.parse(spec, context));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    return redact(document, execution.scope(document));
  }

  private BsonDocument redact(BsonDocument document, Scope root) {
    BsonValue decision = expression.evaluate(root.bind("CURRENT", document));
    if (Expressions.KEEP.equals(decision)) {
      return document;
    }
    if (Expressions.PRUNE.equals(decision)) {
      return null;
    }
    if (!Expressions.DESCEND.equals(decision)) {
      throw ErrorCode.location(17053).error("$redact's expression should not return anything aside from the "
          + "variables $$KEEP, $$DESCEND, and $$PRUNE, but returned " + Values.format(decision));
    }
    BsonDocument kept = new BsonDocument();
    document.forEach((name, value) -> {
      BsonValue redacted = redactValue(value, root);
      if (redacted != null) {
        kept.append(name, redacted);
      }
    });
    return kept;
  }

  private BsonValue redactValue(BsonValue value, Scope root) {
    if (value.isDocument()) {
      return redact(value.asDocument(), root);
    }
    if (!value.isArray()) {
      return value;
    }
    BsonArray kept = new BsonArray();
    for (BsonValue element : value.asArray()) {
      BsonValue redacted = redactValue(element, root);
      if (redacted != null) {
        kept.add(redacted);
      }
    }
    return kept;
  }
}
