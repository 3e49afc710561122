package io.tributary.server;

import io.tributary.engine.Engine;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineProvider;
import io.tributary.engine.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The embedding API: {@code Tributary.builder().inMemory().port(0).start()} runs a server in this process and
 * returns a {@link TributaryServer} with its {@code connectionString()}. {@code dataDirectory(path)} selects the
 * durable {@code rocksdb} engine, found through {@link io.tributary.engine.storage.StorageEngineProvider}.
 */
public final class Tributary {
  public static final String IN_MEMORY = "inMemory";
  public static final String ROCKSDB = "rocksdb";

  private Tributary() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Server settings with mongod's defaults except the port (27017) and storage (in memory). Not thread-safe. */
  public static final class Builder {
    private String bindIp = "127.0.0.1";
    private int port = 27017;
    private String storageEngine = IN_MEMORY;
    private Path dataDirectory = Path.of("data");
    private String replicaSetName = "rs0";
    private Long oplogSizeMegabytes;
    private Double oplogMinRetentionHours;
    private Clock clock = Clock.systemUTC();
    private List<String> argv = List.of("tributary");
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder() {}

    public Builder inMemory() {
      this.storageEngine = IN_MEMORY;
      return this;
    }

    /** Durable storage in {@code directory} with the {@code rocksdb} engine. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      this.storageEngine = ROCKSDB;
      return this;
    }

    /** Selects a storage engine by name ({@code inMemory}, {@code rocksdb}) without changing the directory. */
    public Builder storageEngine(String name) {
      this.storageEngine = name;
      return this;
    }

    public Builder bindIp(String address) {
      this.bindIp = address;
      return this;
    }

    /** The port to listen on; 0 picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder replicaSetName(String name) {
      this.replicaSetName = name;
      return this;
    }

    public Builder oplogSizeMegabytes(long megabytes) {
      this.oplogSizeMegabytes = megabytes;
      return this;
    }

    public Builder oplogMinRetentionHours(double hours) {
      this.oplogMinRetentionHours = hours;
      return this;
    }

    /** A server parameter as {@code --setParameter name=value} gives it, e.g. {@code enableTestCommands=1}. */
    public Builder setParameter(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The process arguments {@code getCmdLineOpts} reports as {@code argv}. */
    public Builder argv(List<String> argv) {
      this.argv = List.copyOf(argv);
      return this;
    }

    /** Binds the port, opens storage and starts serving; takes well under a second. */
    public TributaryServer start() {
      return TributaryServer.start(bindIp, port, this::buildEngine);
    }

    private Engine buildEngine(String advertisedAddress) {
      StorageEngine storage = StorageEngineProvider.named(storageEngine).open(storageOptions());
      Engine.Builder engine = Engine.builder()
          .storage(storage)
          .clock(clock)
          .replicaSetName(replicaSetName)
          .advertisedAddress(advertisedAddress)
          .commandLine(commandLine())
          .oplogSizeBytes(oplogSizeBytes());
      if (oplogMinRetentionHours != null) {
        engine.oplogMinRetention(Duration.ofMillis(Math.round(oplogMinRetentionHours * 3_600_000)));
      }
      parameters.forEach((name, value) -> engine.parameter(name, new BsonString(value)));
      try {
        return engine.build();
      } catch (RuntimeException e) {
        storage.close();
        throw e;
      }
    }

    private StorageOptions storageOptions() {
      return new StorageOptions(dataDirectory, oplogSizeBytes(), StorageOptions.DEFAULT_SYNC_PERIOD);
    }

    private long oplogSizeBytes() {
      return oplogSizeMegabytes != null ? oplogSizeMegabytes * 1024 * 1024 : StorageOptions.DEFAULT_OPLOG_SIZE_BYTES;
    }

    /** {@code getCmdLineOpts}: the arguments, and the settings under mongod's option names. */
    private BsonDocument commandLine() {
      BsonArray args = new BsonArray();
      argv.forEach(arg -> args.add(new BsonString(arg)));
      BsonDocument parsed = new BsonDocument("net", new BsonDocument("bindIp", new BsonString(bindIp))
          .append("port", new BsonInt32(port)));
      BsonDocument replication = new BsonDocument("replSet", new BsonString(replicaSetName));
      if (oplogSizeMegabytes != null) {
        replication.append("oplogSizeMB", new BsonInt64(oplogSizeMegabytes));
      }
      parsed.append("replication", replication);
      BsonDocument storage = new BsonDocument("engine", new BsonString(storageEngine));
      if (storageEngine.equals(ROCKSDB)) {
        storage.append("dbPath", new BsonString(dataDirectory.toString()));
      }
      if (oplogMinRetentionHours != null) {
        storage.append("oplogMinRetentionHours", new BsonDouble(oplogMinRetentionHours));
      }
      parsed.append("storage", storage);
      if (!parameters.isEmpty()) {
        BsonDocument setParameter = new BsonDocument();
        parameters.forEach((name, value) -> setParameter.append(name, new BsonString(value)));
        parsed.append("setParameter", setParameter);
      }
      return new BsonDocument("argv", args).append("parsed", parsed);
    }
  }
}
