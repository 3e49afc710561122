package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * {@code hostInfo}: the machine as the JVM sees it. The host name is the advertised one (resolving the local name
 * can block on DNS). Stateless.
 */
public final class HostInfoCommand implements SyncCommand {
  private static final long MIB = 1024 * 1024;

  @Override
  public String name() {
    return "hostInfo";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Runtime runtime = Runtime.getRuntime();
    String address = context.engine().advertisedAddress();
    BsonDocument system = new BsonDocument("currentTime", new BsonDateTime(context.engine().clock().millis()))
        .append("hostname", new BsonString(address))
        .append("cpuAddrSize", new BsonInt32(64))
        .append("memSizeMB", new BsonInt64(runtime.maxMemory() / MIB))
        .append("memLimitMB", new BsonInt64(runtime.maxMemory() / MIB))
        .append("numCores", new BsonInt32(runtime.availableProcessors()))
        .append("cpuArch", new BsonString(System.getProperty("os.arch")))
        .append("numaEnabled", BsonBoolean.FALSE);
    BsonDocument os = new BsonDocument("type", new BsonString(System.getProperty("os.name")))
        .append("name", new BsonString(System.getProperty("os.name")))
        .append("version", new BsonString(System.getProperty("os.version")));
    BsonDocument extra = new BsonDocument("javaVersion", new BsonString(System.getProperty("java.version")));
    return new BsonDocument("system", system).append("os", os).append("extra", extra);
  }
}
