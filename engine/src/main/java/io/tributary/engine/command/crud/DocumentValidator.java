package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.Matcher;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Schema validation of written documents by the collection's {@code validator} (a query filter), honouring
 * {@code validationLevel} ({@code strict}, {@code moderate}: only documents that were valid before,
 * {@code off}), {@code validationAction} ({@code error}, {@code warn}: accept) and the command's
 * {@code bypassDocumentValidation}. A failure is {@code DocumentValidationFailure} (121) with
 * {@code errInfo: {failingDocumentId, details}}. Stateless.
 */
public final class DocumentValidator {
  private DocumentValidator() {}

  /**
   * @param before the document being replaced, or null for an insert
   */
  public static void check(CollectionMetadata collection, BsonDocument document, BsonDocument before,
      boolean bypass) {
    BsonDocument options = collection.options();
    BsonDocument validator = options.getDocument("validator", null);
    String level = options.getString("validationLevel", new BsonString("strict")).getValue();
    String action = options.getString("validationAction", new BsonString("error")).getValue();
    if (bypass || validator == null || validator.isEmpty() || level.equals("off") || action.equals("warn")) {
      return;
    }
    Matcher matcher = Matcher.compile(validator);
    if (level.equals("moderate") && before != null && !matcher.matches(before)) {
      return;
    }
    if (!matcher.matches(document)) {
      MongoError error = ErrorCode.DOCUMENT_VALIDATION_FAILURE.error("Document failed validation");
      BsonDocument details = new BsonDocument("operatorName", new BsonString(validator.getFirstKey()))
          .append("specifiedAs", validator);
      error.extraFields().append("errInfo", new BsonDocument("failingDocumentId", document.get("_id"))
          .append("details", details));
      throw error;
    }
  }
}
