package io.tributary.engine.command;

import io.tributary.engine.error.MongoError;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * How waiting for one command's write concern ended (mongod's {@code WriteConcernResult}): a write whose statements
 * committed but whose acknowledgement failed, such as a wait for the sync cut short by {@code maxTimeMS}, still
 * succeeds, and the reply carries {@code writeConcernError: {code, codeName, errmsg, errInfo}} (mongod's
 * {@code appendCommandWCStatus}). Thread-safe: the command that waits sets it, the dispatcher reads it after.
 */
public final class WriteConcernResult {
  private volatile BsonDocument writeConcernError;

  /** Records that the write concern failed with {@code error}; {@code errInfo} says what it was. */
  public void failed(MongoError error, BsonDocument errInfo) {
    writeConcernError = new BsonDocument("code", new BsonInt32(error.code().code()))
        .append("codeName", new BsonString(error.code().codeName()))
        .append("errmsg", new BsonString(error.getMessage()))
        .append("errInfo", errInfo);
  }

  /** The {@code writeConcernError} for the reply, if the write concern failed. */
  public Optional<BsonDocument> writeConcernError() {
    return Optional.ofNullable(writeConcernError);
  }
}
