package io.tributary.engine.oplog;

import org.bson.BsonDocument;

/**
 * The session fields of a write.
 *
 * @param inTransaction true when the write was part of a multi-document transaction (only then do change events
 *     carry {@code lsid} and {@code txnNumber})
 */
public record SessionInfo(BsonDocument lsid, long txnNumber, int stmtId, boolean inTransaction) {}
