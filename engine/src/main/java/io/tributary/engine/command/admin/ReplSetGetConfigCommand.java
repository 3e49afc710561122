package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/** {@code replSetGetConfig} ({@code rs.conf()}): the one-member configuration. Stateless. */
public final class ReplSetGetConfigCommand implements SyncCommand {
  @Override
  public String name() {
    return "replSetGetConfig";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Engine engine = context.engine();
    BsonDocument member = new BsonDocument("_id", new BsonInt32(0))
        .append("host", new BsonString(engine.advertisedAddress()))
        .append("arbiterOnly", BsonBoolean.FALSE)
        .append("buildIndexes", BsonBoolean.TRUE)
        .append("hidden", BsonBoolean.FALSE)
        .append("priority", new BsonDouble(1))
        .append("tags", new BsonDocument())
        .append("secondaryDelaySecs", new BsonInt64(0))
        .append("votes", new BsonInt32(1));
    BsonDocument config = new BsonDocument("_id", new BsonString(engine.replicaSetName()))
        .append("version", new BsonInt32(ReplicationInfo.SET_VERSION))
        .append("term", new BsonInt32((int) ReplicationInfo.TERM))
        .append("members", new BsonArray(List.of(member)))
        .append("protocolVersion", new BsonInt64(1))
        .append("writeConcernMajorityJournalDefault", BsonBoolean.TRUE)
        .append("settings", new BsonDocument("chainingAllowed", BsonBoolean.TRUE)
            .append("replicaSetId", ReplicationInfo.electionId()));
    return new BsonDocument("config", config);
  }
}
