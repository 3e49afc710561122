package io.tributary.engine.command;

import org.bson.BsonDocument;

/**
 * What the dispatcher hands back to the network layer: the full reply document, or an instruction to close the
 * connection without replying (the {@code failCommand} fail point's {@code closeConnection}).
 */
public record CommandResponse(BsonDocument reply, boolean closeConnection) {
  public static CommandResponse of(BsonDocument reply) {
    return new CommandResponse(reply, false);
  }

  public static CommandResponse close() {
    return new CommandResponse(null, true);
  }
}
