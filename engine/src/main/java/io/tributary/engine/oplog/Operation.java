package io.tributary.engine.oplog;

import io.tributary.engine.Namespace;
import io.tributary.engine.update.UpdateDescription;
import java.util.List;
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

  /**
   * A committed multi-document transaction, mongod's {@code applyOps} entry on {@code admin.$cmd}: the
   * transaction's operations in the order it made them, all at the entry's one cluster time. Change streams expand
   * it into one event per operation, numbered by its position ({@code txnOpIndex}). Never nested, never empty.
   *
   * <p>A transaction too large for one entry (over 16 MB of operations, or more than
   * {@code maxNumberOfTransactionOperationsInSingleOplogEntry}) is stored as several entries, each an
   * {@code ApplyOps} holding its share of the operations and its place in the {@link TransactionChain}; the
   * {@link Oplog} hands readers one entry per transaction, at the last entry's (the commit's) time, holding all of
   * them ({@code chain} null).
   *
   * @param chain where this stored entry stands in a transaction written as several entries; null for a transaction
   *     that is one entry, and for the whole transaction as readers of the {@link Oplog} see it
   */
  record ApplyOps(List<Operation> operations, TransactionChain chain) implements Operation {
    public static final Namespace NAMESPACE = Namespace.of("admin", "$cmd");

    public ApplyOps {
      operations = List.copyOf(operations);
      if (operations.isEmpty() || operations.stream().anyMatch(ApplyOps.class::isInstance)) {
        throw new IllegalArgumentException("applyOps needs operations, none of them applyOps: " + operations);
      }
    }

    /** A whole transaction, or a transaction that is one entry. */
    public ApplyOps(List<Operation> operations) {
      this(operations, null);
    }

    @Override
    public Namespace namespace() {
      return NAMESPACE;
    }
  }
}
