package io.tributary.server.wire;

import io.tributary.engine.error.MongoError;
import org.bson.BsonDocument;

/** One decoded client message. Immutable. */
public sealed interface WireRequest {
  MessageHeader header();

  /**
   * An OP_MSG command: the kind-0 body with the kind-1 document sequences merged in as arrays.
   *
   * @param moreToCome the client expects no reply (an unacknowledged write)
   */
  record OpMsg(MessageHeader header, BsonDocument command, boolean moreToCome) implements WireRequest {}

  /** A legacy OP_QUERY; only handshake commands on {@code <db>.$cmd} are still served. */
  record OpQuery(MessageHeader header, String fullCollectionName, BsonDocument query) implements WireRequest {}

  /** A message of a legacy opcode that MongoDB 6+ no longer serves (OP_INSERT, OP_GET_MORE, ...). */
  record Legacy(MessageHeader header) implements WireRequest {}

  /**
   * A message whose framing was sound but whose content is not (bad BSON, a document over the size limit): it is
   * answered with an error and the connection stays open.
   *
   * @param expectsReply false when an OP_MSG had {@code moreToCome} set
   */
  record Malformed(MessageHeader header, MongoError error, boolean expectsReply) implements WireRequest {}
}
