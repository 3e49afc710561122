package io.tributary.engine.oplog;

import io.tributary.engine.Namespace;
import io.tributary.engine.update.UpdateDescription;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * What one oplog entry records. Document operations carry the collection's UUID and the {@code documentKey}
 * ({@code {_id: ...}}). Pre- and post-images are present only when the collection has
 * {@code changeStreamPreAndPostImages} enabled at the time of the write; they are null otherwise.
 */
public sealed interface Operation {
  /** The namespace the operation is about; for {@link DropDatabase} the collection part is {@code "$cmd"}. */
  Namespace namespace();

  record Insert(Namespace namespace, UUID collectionUuid, BsonDocument documentKey, BsonDocument document)
      implements Operation {}

  record Update(Namespace namespace, UUID collectionUuid, BsonDocument documentKey, UpdateDescription description,
      BsonDocument preImage, BsonDocument postImage) implements Operation {}

  record Replace(Namespace namespace, UUID collectionUuid, BsonDocument documentKey, BsonDocument document,
      BsonDocument preImage) implements Operation {}

  record Delete(Namespace namespace, UUID collectionUuid, BsonDocument documentKey, BsonDocument preImage)
      implements Operation {}

  /** A collection was created; {@code options} are the create options (for example {@code idIndex}). */
  record Create(Namespace namespace, UUID collectionUuid, BsonDocument options) implements Operation {}

  record Drop(Namespace namespace, UUID collectionUuid) implements Operation {}

  /** {@code namespace} renamed to {@code target}; {@code droppedTargetUuid} is the UUID of a dropped target. */
  record Rename(Namespace namespace, UUID collectionUuid, Namespace target, UUID droppedTargetUuid)
      implements Operation {}

  record DropDatabase(Namespace namespace) implements Operation {}

  /** One index was created; {@code spec} is its full specification ({@code v, key, name, ...}). */
  record CreateIndex(Namespace namespace, UUID collectionUuid, BsonDocument spec) implements Operation {}

  record DropIndex(Namespace namespace, UUID collectionUuid, BsonDocument spec) implements Operation {}

  /**
   * {@code collMod}: {@code changes} are the options given (the event's {@code operationDescription}),
   * {@code stateBefore} the options they replaced ({@code stateBeforeChange}).
   */
  record Modify(Namespace namespace, UUID collectionUuid, BsonDocument changes, BsonDocument stateBefore)
      implements Operation {}

  /** A no-op entry (the periodic no-op that advances idle streams' resume tokens). */
  record Noop(Namespace namespace, BsonDocument message) implements Operation {}
}
