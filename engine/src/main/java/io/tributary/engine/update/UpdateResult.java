package io.tributary.engine.update;

import org.bson.BsonDocument;

/**
 * The result of applying an update to one document.
 *
 * @param document the new document
 * @param description what changed, for the oplog and change events (for a replacement: empty)
 * @param modified false when the update was a no-op (MongoDB then writes nothing and reports nModified 0)
 */
public record UpdateResult(BsonDocument document, UpdateDescription description, boolean modified) {}
