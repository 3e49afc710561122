package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.query.MatchResult;
import io.tributary.engine.update.Update;
import io.tributary.engine.update.UpdateResult;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Applying an {@link Update} inside a {@link WriteUnit}, shared by {@code update} and {@code findAndModify}:
 * to a matched document (written and logged only when it changed; as a replace when the update says the change
 * is a replacement, otherwise with its update description) or, for an upsert that matched nothing, to the seed of the filter
 * (inserted and logged as an insert). {@code _id} is immutable; the result must pass the collection's validator.
 * Stateless.
 */
public final class DocumentUpdates {
  private DocumentUpdates() {}

  /** Updates one matched document; returns the result (its document is the stored one). */
  public static UpdateResult apply(WriteUnit unit, CollectionMetadata collection, MatchedDocument matched,
      Update update, boolean bypassValidation) {
    UpdateResult result = update.apply(matched.document(), matched.match(), false);
    if (!result.modified()) {
      return result;
    }
    BsonDocument after = keepIdFirst(matched.document().get("_id"), result.document());
    NewDocuments.validateSize(after);
    DocumentValidator.check(collection, after, matched.document(), bypassValidation);
    unit.update(collection, matched.stored(), after, result.replacement() ? null : result.description());
    return new UpdateResult(after, result.description(), true, result.replacement());
  }

  /** Inserts the upserted document for {@code filter} and returns it. */
  public static BsonDocument upsert(WriteUnit unit, Namespace namespace, BsonDocument filter, Update update,
      boolean bypassValidation) {
    UpdateResult result = update.apply(update.seedForUpsert(filter), MatchResult.MATCH, true);
    BsonDocument inserted = NewDocuments.prepare(result.document());
    CollectionMetadata collection = unit.collectionForWrite(namespace);
    DocumentValidator.check(collection, inserted, null, bypassValidation);
    unit.insert(collection, inserted);
    return inserted;
  }

  /** {@code after} with {@code _id} first; fails when the update changed {@code _id}. */
  private static BsonDocument keepIdFirst(BsonValue id, BsonDocument after) {
    BsonValue newId = after.get("_id");
    if (newId != null && !newId.equals(id)) {
      throw ErrorCode.IMMUTABLE_FIELD.error(
          "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    if (newId != null && after.getFirstKey().equals("_id")) {
      return after;
    }
    BsonDocument ordered = new BsonDocument("_id", id);
    after.forEach((field, value) -> {
      if (!field.equals("_id")) {
        ordered.append(field, value);
      }
    });
    return ordered;
  }
}
