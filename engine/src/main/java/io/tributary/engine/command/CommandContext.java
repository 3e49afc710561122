package io.tributary.engine.command;

import io.tributary.engine.Engine;
import org.bson.BsonDocument;

/**
 * Everything one command execution may use: the engine's services, the calling connection, the target database
 * ({@code $db}), the session fields of the request, and where the command reports how its write concern ended.
 * Immutable but for that result, which is thread-safe.
 *
 * @param lsid the logical session id, or null when the request carries none
 * @param txnNumber the transaction number of a retryable write or a transaction, or null
 * @param writeConcern set by a write whose acknowledgement fails; the dispatcher adds it to the reply
 */
public record CommandContext(Engine engine, ClientConnection connection, String database, BsonDocument lsid,
    Long txnNumber, WriteConcernResult writeConcern) {

  public CommandContext(Engine engine, ClientConnection connection, String database, BsonDocument lsid,
      Long txnNumber) {
    this(engine, connection, database, lsid, txnNumber, new WriteConcernResult());
  }
}
