package io.tributary.conformance.unified;

import com.mongodb.bulk.BulkWriteInsert;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.InsertOneResult;
import com.mongodb.client.result.UpdateResult;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * Converts the driver's write results to the documents the CRUD spec's result models describe
 * ({@code insertedId}, {@code matchedCount}, {@code upsertedIds}…). Unacknowledged results become
 * {@code {acknowledged: false}}. Stateless.
 */
// spec: unified-test-format.md#converting-returned-model-objects-to-documents
final class DriverResults {

  private static final BsonDocument UNACKNOWLEDGED = new BsonDocument("acknowledged", BsonBoolean.FALSE);

  private DriverResults() {}

  static BsonDocument of(InsertOneResult result) {
    if (!result.wasAcknowledged()) {
      return UNACKNOWLEDGED.clone();
    }
    BsonDocument document = new BsonDocument();
    if (result.getInsertedId() != null) {
      document.append("insertedId", result.getInsertedId());
    }
    return document;
  }

  static BsonDocument of(InsertManyResult result) {
    if (!result.wasAcknowledged()) {
      return UNACKNOWLEDGED.clone();
    }
    BsonDocument ids = new BsonDocument();
    for (Map.Entry<Integer, BsonValue> id : result.getInsertedIds().entrySet()) {
      ids.append(String.valueOf(id.getKey()), id.getValue());
    }
    return new BsonDocument("insertedIds", ids);
  }

  static BsonDocument of(UpdateResult result) {
    if (!result.wasAcknowledged()) {
      return UNACKNOWLEDGED.clone();
    }
    BsonDocument document = new BsonDocument("matchedCount", new BsonInt64(result.getMatchedCount()))
        .append("modifiedCount", new BsonInt64(result.getModifiedCount()))
        .append("upsertedCount", new BsonInt64(result.getUpsertedId() == null ? 0 : 1));
    if (result.getUpsertedId() != null) {
      document.append("upsertedId", result.getUpsertedId());
    }
    return document;
  }

  static BsonDocument of(DeleteResult result) {
    return result.wasAcknowledged()
        ? new BsonDocument("deletedCount", new BsonInt64(result.getDeletedCount()))
        : UNACKNOWLEDGED.clone();
  }

  static BsonDocument of(BulkWriteResult result) {
    if (!result.wasAcknowledged()) {
      return UNACKNOWLEDGED.clone();
    }
    BsonDocument insertedIds = new BsonDocument();
    for (BulkWriteInsert insert : result.getInserts()) {
      insertedIds.append(String.valueOf(insert.getIndex()), insert.getId());
    }
    BsonDocument upsertedIds = new BsonDocument();
    for (BulkWriteUpsert upsert : result.getUpserts()) {
      upsertedIds.append(String.valueOf(upsert.getIndex()), upsert.getId());
    }
    return new BsonDocument("deletedCount", new BsonInt64(result.getDeletedCount()))
        .append("insertedCount", new BsonInt64(result.getInsertedCount()))
        .append("insertedIds", insertedIds)
        .append("matchedCount", new BsonInt64(result.getMatchedCount()))
        .append("modifiedCount", new BsonInt64(result.getModifiedCount()))
        .append("upsertedCount", new BsonInt64(result.getUpserts().size()))
        .append("upsertedIds", upsertedIds);
  }
}
