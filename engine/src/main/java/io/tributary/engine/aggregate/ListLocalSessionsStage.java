package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $listLocalSessions: {}} (or {@code {allUsers: true}}): the logical sessions this server holds, from
 * {@link PipelineContext#localSessions()}. Only valid first in a database-level aggregate; its input is ignored.
 */
record ListLocalSessionsStage() implements Stage {
  static final String NAME = "$listLocalSessions";

  static ListLocalSessionsStage parse(BsonValue spec) {
    if (!spec.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("$listLocalSessions options must be specified in an object, but found: "
          + Values.typeName(spec));
    }
    for (String key : spec.asDocument().keySet()) {
      if (!key.equals("allUsers") && !key.equals("users")) {
        throw ErrorCode.location(40415).error("BSON field '$listLocalSessions." + key + "' is an unknown field.");
      }
    }
    return new ListLocalSessionsStage();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Deferred(() -> {
      List<BsonDocument> sessions = new ArrayList<>(execution.context().localSessions());
      return sessions.iterator();
    });
  }
}
