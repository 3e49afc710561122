package io.tributary.engine.aggregate;

import io.tributary.engine.aggregate.ProjectionNode.Nested;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $addFields} and its alias {@code $set}: every field of the input plus the computed ones. */
record AddFieldsStage(String name, Nested tree) implements DocumentStage {
  static AddFieldsStage parse(String name, BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      // mongod names $addFields in this message for both spellings.
      throw ErrorCode.location(40272).error("$addFields specification stage must be an object, got "
          + Values.typeName(spec));
    }
    return new AddFieldsStage(name, ProjectionParser.computed(spec.asDocument(), context));
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    BsonDocument result = new BsonDocument();
    result.putAll(document);
    ComputedFields.apply(result, tree, execution.scope(document));
    return result;
  }
}
