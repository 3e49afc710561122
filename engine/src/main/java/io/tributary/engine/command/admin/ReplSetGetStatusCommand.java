package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.oplog.OplogCollection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/**
 * {@code replSetGetStatus} ({@code rs.status()}): one healthy PRIMARY member, elected at startup, whose applied,
 * durable and majority-committed optimes are all the newest visible (durable) oplog entry, with that entry's wall
 * time: in a one-member set what is durable is majority-committed. Stateless.
 */
public final class ReplSetGetStatusCommand implements SyncCommand {
  private static final int STATE_PRIMARY = 1;

  @Override
  public String name() {
    return "replSetGetStatus";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Engine engine = context.engine();
    LastOpTime last = LastOpTime.of(engine);
    return new BsonDocument("set", new BsonString(engine.replicaSetName()))
        .append("date", new BsonDateTime(engine.clock().millis()))
        .append("myState", new BsonInt32(STATE_PRIMARY))
        .append("term", new BsonInt64(ReplicationInfo.TERM))
        .append("syncSourceHost", new BsonString(""))
        .append("syncSourceId", new BsonInt32(-1))
        .append("heartbeatIntervalMillis", new BsonInt64(2000))
        .append("majorityVoteCount", new BsonInt32(1))
        .append("writeMajorityCount", new BsonInt32(1))
        .append("votingMembersCount", new BsonInt32(1))
        .append("writableVotingMembersCount", new BsonInt32(1))
        .append("optimes", optimes(last))
        .append("members", new BsonArray(List.of(self(engine, last))));
  }

  /** The newest visible oplog entry's time and wall time (the epoch when the oplog is empty). */
  private record LastOpTime(BsonTimestamp time, BsonDateTime wallTime) {
    static LastOpTime of(Engine engine) {
      try (Stream<BsonDocument> newest = OplogCollection.documents(engine.storage(), engine.oplog(), true)) {
        return newest.findFirst().map(e -> new LastOpTime(e.getTimestamp("ts"), e.getDateTime("wall")))
            .orElseGet(() -> new LastOpTime(new BsonTimestamp(0, 0), new BsonDateTime(0)));
      }
    }
  }

  private static BsonDocument optimes(LastOpTime last) {
    BsonDocument opTime = ReplicationInfo.opTime(last.time());
    BsonDateTime wallTime = last.wallTime();
    return new BsonDocument("lastCommittedOpTime", opTime)
        .append("lastCommittedWallTime", wallTime)
        .append("readConcernMajorityOpTime", opTime)
        .append("appliedOpTime", opTime)
        .append("durableOpTime", opTime)
        .append("lastAppliedWallTime", wallTime)
        .append("lastDurableWallTime", wallTime);
  }

  private static BsonDocument self(Engine engine, LastOpTime last) {
    Duration uptime = Duration.between(engine.startTime(), engine.clock().instant());
    return new BsonDocument("_id", new BsonInt32(0))
        .append("name", new BsonString(engine.advertisedAddress()))
        .append("health", new BsonDouble(1))
        .append("state", new BsonInt32(STATE_PRIMARY))
        .append("stateStr", new BsonString("PRIMARY"))
        .append("uptime", new BsonInt32((int) uptime.toSeconds()))
        .append("optime", ReplicationInfo.opTime(last.time()))
        .append("optimeDate", ReplicationInfo.date(last.time()))
        .append("optimeDurable", ReplicationInfo.opTime(last.time()))
        .append("optimeDurableDate", ReplicationInfo.date(last.time()))
        .append("lastAppliedWallTime", last.wallTime())
        .append("lastDurableWallTime", last.wallTime())
        .append("syncSourceHost", new BsonString(""))
        .append("syncSourceId", new BsonInt32(-1))
        .append("infoMessage", new BsonString(""))
        .append("electionTime", new BsonTimestamp((int) engine.startTime().getEpochSecond(), 1))
        .append("electionDate", new BsonDateTime(engine.startTime().toEpochMilli()))
        .append("configVersion", new BsonInt32(ReplicationInfo.SET_VERSION))
        .append("configTerm", new BsonInt32((int) ReplicationInfo.TERM))
        .append("self", BsonBoolean.TRUE)
        .append("lastHeartbeatMessage", new BsonString(""));
  }
}
