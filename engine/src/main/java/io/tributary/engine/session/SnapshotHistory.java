package io.tributary.engine.session;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.ClusterClock;
import io.tributary.engine.oplog.CommitSequencer;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bson.BsonTimestamp;

/**
 * Storage snapshots kept by cluster time for snapshot reads ({@code readConcern: {level: "snapshot"}}): a read
 * without {@code atClusterTime} {@linkplain #capture() captures} the current state and reports its time; later
 * reads at that time see the same state. A snapshot is released once unused for {@link #WINDOW} (mongod's
 * {@code minSnapshotHistoryWindowInSeconds}); reading a time that is not held fails with {@code SnapshotTooOld}.
 * Snapshots are immutable views shared by concurrent readers. Thread-safe.
 */
public final class SnapshotHistory implements AutoCloseable {
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final StorageEngine storage;
  private final CommitSequencer sequencer;
  private final ClusterClock clusterClock;
  private final Clock clock;
  private final Map<BsonTimestamp, Held> held = new ConcurrentSkipListMap<>();

  private static final class Held {
    final Snapshot snapshot;
    volatile long lastUsedMillis;

    Held(Snapshot snapshot, long now) {
      this.snapshot = snapshot;
      this.lastUsedMillis = now;
    }
  }

  public SnapshotHistory(StorageEngine storage, CommitSequencer sequencer, ClusterClock clusterClock, Clock clock) {
    this.storage = storage;
    this.sequencer = sequencer;
    this.clusterClock = clusterClock;
    this.clock = clock;
  }

  /** Takes a snapshot of the state as of now and returns its cluster time. */
  public BsonTimestamp capture() {
    return sequencer.betweenCommits(() -> {
      BsonTimestamp time = clusterClock.now();
      held.computeIfAbsent(time, t -> new Held(storage.snapshot(), clock.millis()));
      return time;
    });
  }

  /** The state as of {@code time}, which an earlier {@link #capture()} returned. */
  public ReadView at(BsonTimestamp time) {
    Held snapshot = held.get(time);
    if (snapshot == null) {
      throw ErrorCode.SNAPSHOT_TOO_OLD.error("Read timestamp " + time + " is older than the oldest available "
          + "timestamp.");
    }
    snapshot.lastUsedMillis = clock.millis();
    return snapshot.snapshot;
  }

  /** Releases snapshots unused for longer than {@link #WINDOW}; returns how many. */
  public int expire() {
    long deadline = clock.millis() - WINDOW.toMillis();
    int released = 0;
    for (Map.Entry<BsonTimestamp, Held> entry : held.entrySet()) {
      if (entry.getValue().lastUsedMillis < deadline && held.remove(entry.getKey(), entry.getValue())) {
        entry.getValue().snapshot.close();
        released++;
      }
    }
    return released;
  }

  @Override
  public void close() {
    held.values().forEach(h -> h.snapshot.close());
    held.clear();
  }
}
