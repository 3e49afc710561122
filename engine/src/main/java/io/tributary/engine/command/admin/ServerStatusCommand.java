package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.GenericArguments;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.storage.StorageEngine;
import java.time.Duration;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * {@code serverStatus}: identity, uptime, connections, op counters, the replica-set view, the oplog (size, limits,
 * earliest and latest optimes: Tributary's own section) and the storage engine, with the engine's own statistics
 * under its name ({@code rocksdb} or {@code inMemory}, as mongod reports {@code wiredTiger}). As in mongod, a section
 * named in the command with a false value ({@code {serverStatus: 1, repl: 0}}) is left out. Stateless.
 */
public final class ServerStatusCommand implements SyncCommand {
  @Override
  public String name() {
    return "serverStatus";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Engine engine = context.engine();
    Duration uptime = Duration.between(engine.startTime(), engine.clock().instant());
    BsonDocument status = new BsonDocument("host", new BsonString(engine.advertisedAddress()))
        .append("version", new BsonString(ServerVersion.VERSION))
        .append("process", new BsonString("mongod"))
        .append("pid", new BsonInt64(ProcessHandle.current().pid()))
        .append("uptime", new BsonDouble(uptime.toSeconds()))
        .append("uptimeMillis", new BsonInt64(uptime.toMillis()))
        .append("uptimeEstimate", new BsonInt64(uptime.toSeconds()))
        .append("localTime", new BsonDateTime(engine.clock().millis()))
        .append("connections", engine.connections().toDocument())
        .append("opcounters", engine.opCounters().toDocument())
        .append("repl", repl(engine))
        .append("oplog", OplogCollection.status(engine.storage(), engine.oplog(), engine.oplogRetention()))
        .append("storageEngine", storageEngine(engine.storage()))
        .append(engine.storage().name(), engine.storage().stats());
    excludeSections(status, command);
    return status;
  }

  private static BsonDocument repl(Engine engine) {
    BsonTimestamp now = engine.clusterClock().now();
    String me = engine.advertisedAddress();
    return new BsonDocument("hosts", ReplicationInfo.hosts(engine))
        .append("setName", new BsonString(engine.replicaSetName()))
        .append("setVersion", new BsonInt32(ReplicationInfo.SET_VERSION))
        .append("ismaster", BsonBoolean.TRUE)
        .append("secondary", BsonBoolean.FALSE)
        .append("primary", new BsonString(me))
        .append("me", new BsonString(me))
        .append("electionId", ReplicationInfo.electionId())
        .append("lastWrite", ReplicationInfo.lastWrite(now))
        .append("rbid", new BsonInt32(1));
  }

  private static BsonDocument storageEngine(StorageEngine storage) {
    return new BsonDocument("name", new BsonString(storage.name()))
        .append("supportsCommittedReads", BsonBoolean.TRUE)
        .append("supportsSnapshotReadConcern", BsonBoolean.TRUE)
        .append("readOnly", BsonBoolean.FALSE)
        .append("persistent", BsonBoolean.valueOf(storage.isDurable()));
  }

  private static void excludeSections(BsonDocument status, BsonDocument command) {
    for (var field : command.entrySet()) {
      if (!field.getKey().equals("serverStatus") && !GenericArguments.isGeneric(field.getKey())
          && isFalse(field.getValue())) {
        status.remove(field.getKey());
      }
    }
  }

  private static boolean isFalse(BsonValue value) {
    return value.isBoolean() ? !value.asBoolean().getValue() : value.isNumber() && value.asNumber().doubleValue() == 0;
  }
}
