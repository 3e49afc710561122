package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $jsonSchema}: the document is valid against the schema ({@link JsonSchema}). Immutable, thread-safe. */
record SchemaMatch(JsonSchema schema) implements MatchExpression {

  static SchemaMatch parse(BsonValue value) {
    if (!value.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema must be an object");
    }
    return new SchemaMatch(JsonSchema.parse(value.asDocument()));
  }

  @Override
  public boolean matches(BsonDocument document, MatchDetails details) {
    return schema.accepts(document);
  }
}
