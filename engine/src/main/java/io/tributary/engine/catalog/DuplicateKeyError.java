package io.tributary.engine.catalog;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.Map;
import java.util.StringJoiner;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNumber;
import org.bson.BsonValue;

/**
 * Builds mongod's duplicate key error: code 11000, the message {@code E11000 duplicate key error collection:
 * db.coll index: name dup key: { _id: 1 }} and the extra fields {@code keyPattern} and {@code keyValue}.
 * Stateless.
 */
public final class DuplicateKeyError {
  private DuplicateKeyError() {}

  public static MongoError of(Namespace namespace, IndexDescriptor index, BsonDocument keyValue) {
    MongoError error = ErrorCode.DUPLICATE_KEY.error("E11000 duplicate key error collection: " + namespace
        + " index: " + index.name() + " dup key: " + render(keyValue));
    BsonDocument keyPattern = new BsonDocument();
    index.keyPattern().forEach((field, direction) -> keyPattern.append(field,
        direction instanceof BsonNumber n ? new BsonInt32(n.intValue()) : direction));
    error.extraFields().append("keyPattern", keyPattern).append("keyValue", keyValue);
    return error;
  }

  /** mongod's shell-like rendering of a value, e.g. {@code { _id: ObjectId('...') }}. */
  public static String render(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT: {
        if (value.asDocument().isEmpty()) {
          return "{}";
        }
        StringJoiner fields = new StringJoiner(", ", "{ ", " }");
        for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
          fields.add(field.getKey() + ": " + render(field.getValue()));
        }
        return fields.toString();
      }
      case ARRAY: {
        StringJoiner elements = new StringJoiner(", ", "[ ", " ]");
        value.asArray().forEach(element -> elements.add(render(element)));
        return elements.toString();
      }
      case STRING: return "\"" + value.asString().getValue() + "\"";
      case OBJECT_ID: return "ObjectId('" + value.asObjectId().getValue().toHexString() + "')";
      case INT32: return Integer.toString(value.asInt32().getValue());
      case INT64: return Long.toString(value.asInt64().getValue());
      case DOUBLE: return renderDouble(value.asDouble().getValue());
      case BOOLEAN: return Boolean.toString(value.asBoolean().getValue());
      case NULL: return "null";
      case UNDEFINED: return "undefined";
      case DATE_TIME: return "new Date(" + value.asDateTime().getValue() + ")";
      default: return value.toString();
    }
  }

  private static String renderDouble(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) + ".0" : Double.toString(d);
  }
}
