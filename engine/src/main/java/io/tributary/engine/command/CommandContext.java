package io.tributary.engine.command;

import io.tributary.engine.Engine;
import org.bson.BsonDocument;

/**
 * Everything one command execution may use: the engine's services, the calling connection, the target database
 * ({@code $db}) and the session fields of the request. Immutable.
 *
 * @param lsid the logical session id, or null when the request carries none
 * @param txnNumber the transaction number of a retryable write or a transaction, or null
 */
public record CommandContext(Engine engine, ClientConnection connection, String database, BsonDocument lsid,
    Long txnNumber) {}
