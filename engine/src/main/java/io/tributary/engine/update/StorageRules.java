package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The storage rules an updated document must follow (mongod's {@code storage_validation}): no {@code $}-prefixed
 * top-level field names (nested ones are allowed since 5.0), and an {@code _id} that is not an array, a regular
 * expression or undefined. Stateless.
 */
final class StorageRules {
  private StorageRules() {}

  /** Checks a whole document (a replacement, or a document an upsert inserts). */
  static void checkDocument(BsonDocument document) {
    checkId(document);
    document.keySet().forEach(StorageRules::checkTopLevelName);
  }

  /** Checks the type of the document's {@code _id}. */
  static void checkId(BsonDocument document) {
    BsonValue id = document.get("_id");
    if (id != null && (id.isArray() || id.isRegularExpression() || id.getBsonType() == org.bson.BsonType.UNDEFINED)) {
      throw ErrorCode.INVALID_ID_FIELD.error("The '_id' value cannot be of type " + BsonText.typeName(id));
    }
    if (id != null && id.isDocument()) {
      checkNoDollarFields(id.asDocument());
    }
  }

  /** An {@code _id} document may not hold {@code $}-prefixed field names at any depth. */
  private static void checkNoDollarFields(BsonDocument document) {
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      if (field.getKey().startsWith("$")) {
        throw ErrorCode.DOLLAR_PREFIXED_FIELD_NAME.error(
            "_id fields may not contain '$'-prefixed fields: " + field.getKey() + " is not valid for storage.");
      }
      if (field.getValue().isDocument()) {
        checkNoDollarFields(field.getValue().asDocument());
      }
    }
  }

  /** Rejects a {@code $}-prefixed top-level field name. */
  static void checkTopLevelName(String name) {
    if (name.startsWith("$")) {
      throw ErrorCode.DOLLAR_PREFIXED_FIELD_NAME.error("The dollar ($) prefixed field '" + name + "' in '" + name
          + "' is not allowed in the context of an update's replacement document. Consider using an aggregation"
          + " pipeline with $replaceWith.");
    }
  }
}
