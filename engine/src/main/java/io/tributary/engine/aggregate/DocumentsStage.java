package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $documents: <array expression>}: replaces its input with the given documents (used as the first stage
 * of a database-level aggregate or a {@code $lookup} sub-pipeline).
 */
record DocumentsStage(Expression documents) implements Stage {
  static final String NAME = "$documents";

  static DocumentsStage parse(BsonValue spec, ParseContext context) {
    return new DocumentsStage(Expressions.parse(spec, context));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Deferred(() -> {
      BsonValue value = documents.evaluate(execution.scope(new BsonDocument()));
      if (value == null || !value.isArray()) {
        throw ErrorCode.location(5858203).error("an array is expected, but found " + Values.typeName(value));
      }
      List<BsonDocument> output = new ArrayList<>();
      for (BsonValue element : value.asArray()) {
        if (!element.isDocument()) {
          throw ErrorCode.location(40228).error("'$documents' must evaluate to an array of objects, but found: "
              + Values.format(element));
        }
        output.add(element.asDocument());
      }
      return output.iterator();
    });
  }
}
