package io.tributary.server.wire;

import org.bson.BsonDocument;

/**
 * A reply to send: an OP_MSG with one kind-0 section, or a legacy OP_REPLY carrying one document.
 *
 * @param responseTo the request id this answers
 * @param responseFlags OP_REPLY's flags ({@link #QUERY_FAILURE}); unused for OP_MSG
 */
public record WireReply(int opCode, int responseTo, int responseFlags, BsonDocument body) {
  /** OP_REPLY flag: the query failed and the document is {@code {$err, code}}. */
  public static final int QUERY_FAILURE = 2;

  public static WireReply opMsg(int responseTo, BsonDocument body) {
    return new WireReply(OpCode.OP_MSG, responseTo, 0, body);
  }

  public static WireReply opReply(int responseTo, int flags, BsonDocument body) {
    return new WireReply(OpCode.OP_REPLY, responseTo, flags, body);
  }
}
