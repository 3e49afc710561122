package io.tributary.engine.command.crud;

import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.command.ServerLimits;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;

/**
 * Validation and normalization of a document about to be stored, as mongod does for inserts, upserts and
 * replacements: {@code _id} becomes the first field (an ObjectId is generated when it is missing), an
 * {@code _id} may not be an array, a regex or undefined ({@code InvalidIdField}) nor hold {@code $}-prefixed
 * fields ({@code DollarPrefixedFieldName}), and a document may not exceed
 * 16 MiB ({@code BSONObjectTooLarge}). Dollar-prefixed and dotted field names are allowed (MongoDB 5.0+).
 * Stateless.
 */
public final class NewDocuments {
  /** mongod's {@code BSONObjMaxUserSize}. */
  public static final int MAX_DOCUMENT_BYTES = ServerLimits.MAX_BSON_OBJECT_SIZE;

  private NewDocuments() {}

  /**
   * The document to store, with {@code _id} first: {@code document} itself when it already begins with its
   * {@code _id} (as drivers send it; nothing mutates a stored document), else a reordered copy.
   */
  public static BsonDocument prepare(BsonDocument document) {
    BsonValue id = document.get("_id");
    if (id == null) {
      id = new BsonObjectId();
    }
    validateId(id);
    if (!document.isEmpty() && document.getFirstKey().equals("_id")) {
      validateSize(document);
      return document;
    }
    BsonDocument prepared = new BsonDocument("_id", id);
    document.forEach((field, value) -> {
      if (!field.equals("_id")) {
        prepared.append(field, value);
      }
    });
    validateSize(prepared);
    return prepared;
  }

  public static void validateId(BsonValue id) {
    if (id.isArray()) {
      throw ErrorCode.INVALID_ID_FIELD.error("The '_id' value cannot be of type array");
    }
    if (id.isRegularExpression()) {
      throw ErrorCode.INVALID_ID_FIELD.error("can't use a regex for _id");
    }
    if (id.getBsonType() == org.bson.BsonType.UNDEFINED) {
      throw ErrorCode.INVALID_ID_FIELD.error("can't use a undefined for _id");
    }
    if (id.isDocument()) {
      for (String field : id.asDocument().keySet()) {
        if (field.startsWith("$")) {
          throw ErrorCode.DOLLAR_PREFIXED_FIELD_NAME.error("_id fields may not contain '$'-prefixed fields: "
              + field + " is not valid for storage.");
        }
      }
    }
  }

  public static void validateSize(BsonDocument document) {
    int size = BsonBytes.size(document);
    if (size > MAX_DOCUMENT_BYTES) {
      throw ErrorCode.BSON_OBJECT_TOO_LARGE.error("object to insert too large. size in bytes: " + size
          + ", max size: " + MAX_DOCUMENT_BYTES);
    }
  }
}
