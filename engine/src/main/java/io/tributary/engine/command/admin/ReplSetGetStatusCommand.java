package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import java.time.Duration;
import java.util.List;
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
 * durable and majority optimes are all the latest cluster time. Stateless.
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
    BsonTimestamp now = engine.clusterClock().now();
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
        .append("optimes", optimes(now))
        .append("members", new BsonArray(List.of(self(engine, now))));
  }

  private static BsonDocument optimes(BsonTimestamp now) {
    BsonDocument opTime = ReplicationInfo.opTime(now);
    BsonDateTime wallTime = ReplicationInfo.date(now);
    return new BsonDocument("lastCommittedOpTime", opTime)
        .append("lastCommittedWallTime", wallTime)
        .append("readConcernMajorityOpTime", opTime)
        .append("appliedOpTime", opTime)
        .append("durableOpTime", opTime)
        .append("lastAppliedWallTime", wallTime)
        .append("lastDurableWallTime", wallTime);
  }

  private static BsonDocument self(Engine engine, BsonTimestamp now) {
    Duration uptime = Duration.between(engine.startTime(), engine.clock().instant());
    return new BsonDocument("_id", new BsonInt32(0))
        .append("name", new BsonString(engine.advertisedAddress()))
        .append("health", new BsonDouble(1))
        .append("state", new BsonInt32(STATE_PRIMARY))
        .append("stateStr", new BsonString("PRIMARY"))
        .append("uptime", new BsonInt32((int) uptime.toSeconds()))
        .append("optime", ReplicationInfo.opTime(now))
        .append("optimeDate", ReplicationInfo.date(now))
        .append("lastAppliedWallTime", ReplicationInfo.date(now))
        .append("lastDurableWallTime", ReplicationInfo.date(now))
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
