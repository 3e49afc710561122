package io.tributary.engine.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a storage engine, validated on construction.
 *
 * @param dataDirectory where a durable engine keeps its files ({@code --dbpath}); ignored by the in-memory engine
 *     and may then be null
 * @param oplogSizeBytes the oplog size the engine should plan for ({@code --oplogSize}, in bytes)
 * @param syncPeriod how often the background syncer makes unjournaled writes durable ({@code syncPeriodSecs})
 */
public record StorageOptions(Path dataDirectory, long oplogSizeBytes, Duration syncPeriod) {
  public static final long DEFAULT_OPLOG_SIZE_BYTES = 990L * 1024 * 1024;
  public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofMillis(100);

  public StorageOptions {
    Objects.requireNonNull(syncPeriod, "syncPeriod");
    if (oplogSizeBytes <= 0) {
      throw new IllegalArgumentException("oplogSizeBytes must be positive: " + oplogSizeBytes);
    }
    if (syncPeriod.isNegative() || syncPeriod.isZero()) {
      throw new IllegalArgumentException("syncPeriod must be positive: " + syncPeriod);
    }
  }

  /** Defaults for everything but the data directory. */
  public static StorageOptions at(Path dataDirectory) {
    return new StorageOptions(dataDirectory, DEFAULT_OPLOG_SIZE_BYTES, DEFAULT_SYNC_PERIOD);
  }

  /** The data directory, failing clearly when a durable engine is opened without one. */
  public Path requireDataDirectory() {
    if (dataDirectory == null) {
      throw new IllegalArgumentException("this storage engine needs a data directory (--dbpath)");
    }
    return dataDirectory;
  }
}
