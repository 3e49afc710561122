package io.tributary.engine;

import io.tributary.engine.command.CommandDispatcher;
import io.tributary.engine.command.CommandResponse;
import io.tributary.engine.storage.StorageEngine;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One Tributary node: a one-member replica set primary over a storage engine. Owns the catalog, the commit path,
 * the oplog, cursors, sessions and the command dispatcher. Thread-safe. (Skeleton: being filled in.)
 */
public final class Engine implements AutoCloseable {
  private final Builder config;

  private Engine(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  public CommandDispatcher dispatcher() {
    return (connection, command) -> CompletableFuture.completedFuture(CommandResponse.of(
        new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString("not implemented"))
            .append("code", new BsonInt32(59)).append("codeName", new BsonString("CommandNotFound"))));
  }

  public StorageEngine storage() {
    return config.storage;
  }

  @Override
  public void close() {
    config.storage.close();
  }

  /** Engine configuration; validated once by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private StorageEngine storage;
    private Clock clock = Clock.systemUTC();
    private String replicaSetName = "rs0";
    private String advertisedAddress = "127.0.0.1:27017";
    private long oplogSizeBytes = 990L * 1024 * 1024;
    private BsonDocument commandLine = new BsonDocument();
    private final Map<String, BsonValue> parameters = new LinkedHashMap<>();

    public Builder storage(StorageEngine storage) {
      this.storage = storage;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder replicaSetName(String name) {
      this.replicaSetName = name;
      return this;
    }

    /** {@code host:port} reported as {@code me}, {@code primary} and {@code hosts} in hello. */
    public Builder advertisedAddress(String hostAndPort) {
      this.advertisedAddress = hostAndPort;
      return this;
    }

    public Builder oplogSizeBytes(long bytes) {
      this.oplogSizeBytes = bytes;
      return this;
    }

    /** {@code {argv: [...], parsed: {...}}} as {@code getCmdLineOpts} reports it. */
    public Builder commandLine(BsonDocument commandLine) {
      this.commandLine = commandLine;
      return this;
    }

    /** A server parameter ({@code --setParameter name=value}), e.g. {@code enableTestCommands}. */
    public Builder parameter(String name, BsonValue value) {
      parameters.put(name, value);
      return this;
    }

    public Engine build() {
      if (storage == null) {
        throw new IllegalStateException("a storage engine is required");
      }
      return new Engine(this);
    }
  }
}
