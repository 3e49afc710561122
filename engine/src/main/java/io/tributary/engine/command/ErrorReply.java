package io.tributary.engine.command;

import io.tributary.engine.error.MongoError;
import java.util.Collection;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;

/** Shapes a failure as mongod replies with it: {@code {ok: 0, errmsg, code, codeName, ...extra, errorLabels}}. */
public final class ErrorReply {
  private ErrorReply() {}

  /** The error reply without {@code $clusterTime}/{@code operationTime}; labels are omitted when empty. */
  public static BsonDocument of(MongoError error, Collection<String> labels) {
    BsonDocument reply = new BsonDocument("ok", new BsonDouble(0))
        .append("errmsg", new BsonString(String.valueOf(error.getMessage())))
        .append("code", new BsonInt32(error.code().code()))
        .append("codeName", new BsonString(error.code().codeName()));
    reply.putAll(error.extraFields());
    appendLabels(reply, labels);
    return reply;
  }

  /** Appends {@code errorLabels} unless there are none. */
  public static void appendLabels(BsonDocument reply, Collection<String> labels) {
    if (!labels.isEmpty()) {
      BsonArray array = new BsonArray();
      labels.forEach(label -> array.add(new BsonString(label)));
      reply.append("errorLabels", array);
    }
  }
}
