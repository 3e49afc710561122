package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.oplog.OplogDocument;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.ObjectId;

/**
 * The replica-set view every identity command shares: Tributary is always the primary of a one-member set in
 * term 1, elected once. Constant election id and set version keep drivers from ever judging the primary stale
 * (spec: server-discovery-and-monitoring.md "updateRSFromPrimary").
 */
final class ReplicationInfo {
  static final long TERM = OplogDocument.TERM;
  static final int SET_VERSION = 1;
  static final ObjectId ELECTION_ID = new ObjectId("7fffffff0000000000000001");

  private ReplicationInfo() {}

  /** {@code {ts, t}}. */
  static BsonDocument opTime(BsonTimestamp time) {
    return OplogCollection.opTime(time);
  }

  /** The wall-clock date of a cluster time (its seconds). */
  static BsonDateTime date(BsonTimestamp time) {
    return new BsonDateTime(time.getTime() * 1000L);
  }

  static BsonArray hosts(Engine engine) {
    return new BsonArray(List.of(new BsonString(engine.advertisedAddress())));
  }

  static BsonObjectId electionId() {
    return new BsonObjectId(ELECTION_ID);
  }

  /** hello's {@code lastWrite}: everything written is majority-committed in a one-member set. */
  static BsonDocument lastWrite(BsonTimestamp time) {
    return new BsonDocument("opTime", opTime(time))
        .append("lastWriteDate", date(time))
        .append("majorityOpTime", opTime(time))
        .append("majorityWriteDate", date(time));
  }
}
