package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.SessionInfo;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Turns an oplog entry into the change events one stream sees: none, one, (when the entry ends the stream) the
 * event followed by its {@code invalidate}, or for a transaction the events of each of its operations. Immutable
 * and thread-safe if the lookup is.
 *
 * <p>spec: reference §1.4. Field order follows MongoDB's {@code ChangeStreamDefaultEventTransformation}:
 * {@code [to] [txnNumber, lsid] _id, operationType, clusterTime, [collectionUUID], wallTime, [fullDocument], ns,
 * [documentKey], [operationDescription], [updateDescription], [stateBeforeChange], [fullDocumentBeforeChange]}.
 */
final class EventTransformer {
  private final ChangeStreamScope scope;
  private final ChangeStreamSpec spec;
  private final DocumentLookup lookup;
  private final ImageRetention imageRetention;

  EventTransformer(ChangeStreamScope scope, ChangeStreamSpec spec, DocumentLookup lookup,
      ImageRetention imageRetention) {
    this.scope = scope;
    this.spec = spec;
    this.lookup = lookup;
    this.imageRetention = imageRetention;
  }

  /** What the stream watches. */
  ChangeStreamScope scope() {
    return scope;
  }

  /**
   * The events of {@code entry} for this stream, in order. A transaction's operations each yield their events with
   * their position in the transaction as {@code txnOpIndex} (spec: reference §1.8), whether or not this stream sees
   * the operations before them, so a token means the same event in every stream.
   */
  List<ChangeEvent> transform(OplogEntry entry) {
    List<Operation> operations = entry.operations();
    if (operations.size() == 1) {
      return transform(entry, operations.get(0), 0);
    }
    List<ChangeEvent> events = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      events.addAll(transform(entry, operations.get(i), i));
      if (!events.isEmpty() && events.get(events.size() - 1).invalidate()) {
        break; // the stream ends there
      }
    }
    return events;
  }

  /** The events of one operation of {@code entry}; the namespace is checked before any work is done. */
  private List<ChangeEvent> transform(OplogEntry entry, Operation operation, int txnOpIndex) {
    if (!scope.sees(operation)) {
      return List.of();
    }
    EventParts parts = EventParts.of(operation);
    if (parts == null || parts.expandedOnly() && !spec.showExpandedEvents()) {
      return List.of();
    }
    if ((parts.preImage() != null || parts.postImage() != null) && imageRetention.expired(entry.wallTimeMillis())) {
      parts = parts.withoutImages();
    }
    ResumeToken token = token(entry, txnOpIndex, parts, false);
    ChangeEvent event = new ChangeEvent(token, document(entry, operation.namespace(), parts, token), false);
    if (!scope.isInvalidatedBy(operation)) {
      return List.of(event);
    }
    ResumeToken invalidateToken = token(entry, txnOpIndex, parts, true);
    return List.of(event, new ChangeEvent(invalidateToken, invalidate(entry, invalidateToken), true));
  }

  private static ResumeToken token(OplogEntry entry, int txnOpIndex, EventParts parts, boolean fromInvalidate) {
    return ResumeToken.event(entry.clusterTime(), txnOpIndex, fromInvalidate, parts.uuid(),
        parts.eventIdentifier(), null);
  }

  private BsonDocument document(OplogEntry entry, Namespace namespace, EventParts parts, ResumeToken token) {
    BsonDocument event = new BsonDocument();
    if (parts.target() != null) {
      event.append("to", EventParts.namespaceDocument(parts.target()));
    }
    SessionInfo session = entry.session();
    if (session != null && session.inTransaction()) {
      event.append("txnNumber", new BsonInt64(session.txnNumber())).append("lsid", session.lsid());
    }
    event.append("_id", token.toBson())
        .append("operationType", new BsonString(parts.operationType()))
        .append("clusterTime", entry.clusterTime());
    if (spec.showExpandedEvents() && parts.uuid() != null) {
      event.append("collectionUUID", new BsonBinary(parts.uuid()));
    }
    event.append("wallTime", new BsonDateTime(entry.wallTimeMillis()));
    appendDetails(event, namespace, parts);
    return event;
  }

  private void appendDetails(BsonDocument event, Namespace namespace, EventParts parts) {
    BsonValue fullDocument = fullDocument(parts, namespace, event);
    if (fullDocument != null) {
      event.append("fullDocument", fullDocument);
    }
    event.append("ns", parts.operationType().equals("dropDatabase")
        ? new BsonDocument("db", new BsonString(namespace.db())) : EventParts.namespaceDocument(namespace));
    if (parts.isDocumentEvent()) {
      event.append("documentKey", parts.documentKey());
    }
    if (spec.showExpandedEvents() && parts.operationDescription() != null) {
      event.append("operationDescription", parts.operationDescription());
    }
    if (parts.updateDescription() != null) {
      event.append("updateDescription", parts.updateDescription().toBson(spec.showExpandedEvents()));
    }
    if (spec.showExpandedEvents() && parts.stateBeforeChange() != null) {
      event.append("stateBeforeChange", parts.stateBeforeChange());
    }
    if (parts.isDocumentEvent() && !parts.operationType().equals("insert")
        && spec.fullDocumentBeforeChange() != FullDocumentBeforeChange.OFF) {
      event.append("fullDocumentBeforeChange", preImage(parts, event));
    }
  }

  /** spec: reference §1.7. Null means the field is absent. */
  private BsonValue fullDocument(EventParts parts, Namespace namespace, BsonDocument event) {
    if (!parts.operationType().equals("update")) {
      return parts.document();
    }
    return switch (spec.fullDocument()) {
      case DEFAULT -> null;
      case UPDATE_LOOKUP -> orNull(lookup.find(namespace, parts.documentKey()));
      case WHEN_AVAILABLE -> orNull(parts.postImage());
      case REQUIRED -> {
        if (parts.postImage() == null) {
          throw ErrorCode.NO_MATCHING_DOCUMENT.error("Change stream was configured to require a post-image for all"
              + " update events, but the post-image was not found for event: " + event.toJson());
        }
        yield parts.postImage();
      }
    };
  }

  private BsonValue preImage(EventParts parts, BsonDocument event) {
    if (parts.preImage() == null && spec.fullDocumentBeforeChange() == FullDocumentBeforeChange.REQUIRED) {
      throw ErrorCode.NO_MATCHING_DOCUMENT.error("Change stream was configured to require a pre-image for all"
          + " update, delete and replace events, but the pre-image was not found for event: " + event.toJson());
    }
    return orNull(parts.preImage());
  }

  private static BsonValue orNull(BsonDocument document) {
    return document == null ? BsonNull.VALUE : document;
  }

  /** spec: reference §1.11 — the triggering event's time, no {@code ns}. */
  private static BsonDocument invalidate(OplogEntry entry, ResumeToken token) {
    return new BsonDocument("_id", token.toBson())
        .append("operationType", new BsonString("invalidate"))
        .append("clusterTime", entry.clusterTime())
        .append("wallTime", new BsonDateTime(entry.wallTimeMillis()));
  }
}
