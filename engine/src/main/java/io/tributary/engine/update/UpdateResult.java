package io.tributary.engine.update;

import org.bson.BsonDocument;

/**
 * The result of applying an update to one document.
 *
 * @param document the new document
 * @param description what changed, for the oplog and change events (empty when {@code replacement})
 * @param modified false when the update was a no-op (MongoDB then writes nothing and reports nModified 0)
 * @param replacement true when the change must be recorded as a replacement (oplog entry with the whole document,
 *     change event {@code replace}): always for replacement updates, and for a pipeline update whose delta would
 *     not be smaller than the new document
 */
public record UpdateResult(BsonDocument document, UpdateDescription description, boolean modified,
    boolean replacement) {

  /** A result recorded as a delta. */
  public UpdateResult(BsonDocument document, UpdateDescription description, boolean modified) {
    this(document, description, modified, false);
  }
}
