package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.ClientConnection;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.ServerLimits;
import io.tributary.engine.command.SyncCommand;
import java.util.List;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/**
 * {@code hello} and the legacy {@code isMaster}/{@code ismaster}: the handshake and the monitoring heartbeat. Replies
 * as a replica-set primary (spec: server-discovery-and-monitoring.md "Parsing a hello response"); the legacy names
 * report {@code ismaster} where hello reports {@code isWritablePrimary}.
 *
 * <p>{@code topologyVersion} is deliberately omitted: drivers then poll every {@code heartbeatFrequencyMS} instead
 * of streaming (spec: server-monitoring.md "Streaming Protocol"), so no hello ever waits. The first hello that
 * carries {@code client} metadata stores it on the connection (fail points filter on its application name).
 */
public final class HelloCommand implements SyncCommand {
  private static final int LOGICAL_SESSION_TIMEOUT_MINUTES = 30;

  @Override
  public String name() {
    return "hello";
  }

  @Override
  public List<String> aliases() {
    return List.of("isMaster", "ismaster");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    storeClientMetadata(context.connection(), command);
    Engine engine = context.engine();
    boolean legacy = !command.getFirstKey().equals(name());
    BsonTimestamp lastWrite = engine.clusterClock().now();
    String me = engine.advertisedAddress();
    BsonDocument reply = new BsonDocument();
    if (command.containsKey("helloOk")) {
      reply.append("helloOk", BsonBoolean.TRUE);
    }
    return reply.append("hosts", ReplicationInfo.hosts(engine))
        .append("setName", new BsonString(engine.replicaSetName()))
        .append("setVersion", new BsonInt32(ReplicationInfo.SET_VERSION))
        .append(legacy ? "ismaster" : "isWritablePrimary", BsonBoolean.TRUE)
        .append("secondary", BsonBoolean.FALSE)
        .append("primary", new BsonString(me))
        .append("me", new BsonString(me))
        .append("electionId", ReplicationInfo.electionId())
        .append("lastWrite", ReplicationInfo.lastWrite(lastWrite))
        .append("maxBsonObjectSize", new BsonInt32(ServerLimits.MAX_BSON_OBJECT_SIZE))
        .append("maxMessageSizeBytes", new BsonInt32(ServerLimits.MAX_MESSAGE_SIZE_BYTES))
        .append("maxWriteBatchSize", new BsonInt32(ServerLimits.MAX_WRITE_BATCH_SIZE))
        .append("localTime", new BsonDateTime(engine.clock().millis()))
        .append("logicalSessionTimeoutMinutes", new BsonInt32(LOGICAL_SESSION_TIMEOUT_MINUTES))
        .append("connectionId", new BsonInt32((int) context.connection().id()))
        .append("minWireVersion", new BsonInt32(ServerVersion.MIN_WIRE_VERSION))
        .append("maxWireVersion", new BsonInt32(ServerVersion.MAX_WIRE_VERSION))
        .append("readOnly", BsonBoolean.FALSE);
  }

  private static void storeClientMetadata(ClientConnection connection, BsonDocument command) {
    if (connection.clientMetadata() == null && command.isDocument("client")) {
      connection.setClientMetadata(command.getDocument("client"));
    }
  }
}
