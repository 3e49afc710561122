package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.update.UpdateDescription;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * What one {@link Operation} contributes to a change event, independent of the stream's options. Immutable.
 *
 * <p>spec: reference §1.3 (operation types) and §1.4 (operationDescription shapes). Fields that an operation does
 * not have are null.
 *
 * @param expandedOnly true for the DDL events shown only with {@code showExpandedEvents}
 * @param document the inserted or replacing document
 */
record EventParts(String operationType, boolean expandedOnly, UUID uuid, Namespace target,
    BsonDocument documentKey, BsonDocument document, UpdateDescription updateDescription,
    BsonDocument operationDescription, BsonDocument stateBeforeChange, BsonDocument preImage,
    BsonDocument postImage) {

  /** These parts without pre- and post-image (they have expired). */
  EventParts withoutImages() {
    return new EventParts(operationType, expandedOnly, uuid, target, documentKey, document, updateDescription,
        operationDescription, stateBeforeChange, null, null);
  }

  /** The parts of {@code operation}, or null for operations that produce no event (no-ops). */
  static EventParts of(Operation operation) {
    if (operation instanceof Operation.Insert op) {
      return crud("insert", op.collectionUuid(), op.documentKey(), op.document(), null, null, null);
    } else if (operation instanceof Operation.Update op) {
      return crud("update", op.collectionUuid(), op.documentKey(), null, op.description(), op.preImage(),
          op.postImage());
    } else if (operation instanceof Operation.Replace op) {
      return crud("replace", op.collectionUuid(), op.documentKey(), op.document(), null, op.preImage(),
          op.document());
    } else if (operation instanceof Operation.Delete op) {
      return crud("delete", op.collectionUuid(), op.documentKey(), null, null, op.preImage(), null);
    }
    return ddl(operation);
  }

  private static EventParts ddl(Operation operation) {
    if (operation instanceof Operation.Drop op) {
      return command("drop", false, op.collectionUuid(), null, new BsonDocument(), null);
    } else if (operation instanceof Operation.Rename op) {
      return command("rename", false, op.collectionUuid(), op.target(), renameDescription(op), null);
    } else if (operation instanceof Operation.DropDatabase) {
      return command("dropDatabase", false, null, null, new BsonDocument(), null);
    } else if (operation instanceof Operation.Create op) {
      return command("create", true, op.collectionUuid(), null, op.options(), null);
    } else if (operation instanceof Operation.CreateIndex op) {
      return command("createIndexes", true, op.collectionUuid(), null, indexes(op.spec()), null);
    } else if (operation instanceof Operation.DropIndex op) {
      return command("dropIndexes", true, op.collectionUuid(), null, indexes(op.spec()), null);
    } else if (operation instanceof Operation.Modify op) {
      return command("modify", true, op.collectionUuid(), null, op.changes(), op.stateBefore());
    }
    return null;
  }

  /** Document events are identified by their key, the others by what they did (v2 tokens). */
  BsonDocument eventIdentifier() {
    BsonDocument identifier = new BsonDocument("operationType", new BsonString(operationType));
    return documentKey != null
        ? identifier.append("documentKey", documentKey)
        : identifier.append("operationDescription", operationDescription);
  }

  boolean isDocumentEvent() {
    return documentKey != null;
  }

  private static EventParts crud(String type, UUID uuid, BsonDocument documentKey, BsonDocument document,
      UpdateDescription description, BsonDocument preImage, BsonDocument postImage) {
    return new EventParts(type, false, uuid, null, documentKey, document, description, null, null, preImage,
        postImage);
  }

  private static EventParts command(String type, boolean expandedOnly, UUID uuid, Namespace target,
      BsonDocument description, BsonDocument stateBefore) {
    return new EventParts(type, expandedOnly, uuid, target, null, null, null, description, stateBefore, null,
        null);
  }

  /** The renameCollection oplog entry minus {@code renameCollection}/{@code stayTemp}, {@code to} as a document. */
  private static BsonDocument renameDescription(Operation.Rename rename) {
    BsonDocument description = new BsonDocument("to", namespaceDocument(rename.target()));
    if (rename.droppedTargetUuid() != null) {
      description.append("dropTarget", new BsonBinary(rename.droppedTargetUuid()));
    }
    return description;
  }

  private static BsonDocument indexes(BsonDocument spec) {
    return new BsonDocument("indexes", new BsonArray(java.util.List.of(spec)));
  }

  static BsonDocument namespaceDocument(Namespace namespace) {
    return new BsonDocument("db", new BsonString(namespace.db())).append("coll",
        new BsonString(namespace.collection()));
  }
}
