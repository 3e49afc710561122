package io.tributary.engine.command.crud;

import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.error.MongoError;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * The {@code writeErrors} of a batch write reply: {@code [{index, code, errmsg, ...extra fields}]} (the extra
 * fields are for example {@code keyPattern} and {@code keyValue} of a duplicate key). Not thread-safe.
 */
public final class WriteErrors {
  private final BsonArray errors = new BsonArray();

  /**
   * Records the error of statement {@code index}; an error that dooms the surrounding transaction
   * ({@code TransientTransactionError}, e.g. a write conflict) fails the whole command instead, as in mongod.
   */
  public void add(int index, MongoError error) {
    if (error.labels().contains(ErrorLabels.TRANSIENT_TRANSACTION_ERROR)) {
      throw error;
    }
    BsonDocument entry = new BsonDocument("index", new BsonInt32(index))
        .append("code", new BsonInt32(error.code().code()))
        .append("errmsg", new BsonString(error.getMessage()));
    error.extraFields().forEach(entry::append);
    errors.add(entry);
  }

  /** Adds {@code writeErrors} to the reply when there are any. */
  public BsonDocument appendTo(BsonDocument reply) {
    if (!errors.isEmpty()) {
      reply.append("writeErrors", errors);
    }
    return reply;
  }
}
