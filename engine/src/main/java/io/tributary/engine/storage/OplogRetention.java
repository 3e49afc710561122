package io.tributary.engine.storage;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the {@link KeySpace#OPLOG} within its configured size ({@code --oplogSize}) by deleting its oldest entries,
 * but never an entry younger than the minimum retention ({@code --oplogMinRetentionHours}: the oplog may then
 * outgrow its size, as in MongoDB) and never the newest entry. Thread-safe if the engine is; meant to be run by
 * one background job at a time.
 *
 * <p>Implementation notes: OPLOG keys are 8-byte big-endian cluster times whose high 32 bits are seconds since the
 * epoch, so "older than the retention" is a key bound. The cut point is found by bisecting on cluster time with
 * {@link StorageEngine#approximateSize} (cheap on every engine), never by scanning the entries to be deleted, and
 * the deletion is one {@link StorageEngine#deleteRange}, so writers appending at the other end are not stalled.
 * Sizes are measured from the oldest live entry, so space the engine has yet to reclaim is not counted twice.
 */
public final class OplogRetention {
  private final StorageEngine storage;
  private final long maxBytes;
  private final Duration minRetention;
  private final Clock clock;
  private final AtomicLong truncations = new AtomicLong();

  public OplogRetention(StorageEngine storage, long maxBytes, Duration minRetention, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.minRetention = Objects.requireNonNull(minRetention, "minRetention");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxBytes <= 0 || minRetention.isNegative()) {
      throw new IllegalArgumentException("oplog size must be positive and retention not negative");
    }
    this.maxBytes = maxBytes;
  }

  /** How many times {@link #truncate} removed entries since the engine opened ({@code serverStatus}). */
  public long truncations() {
    return truncations.get();
  }

  /** The configured maximum size in bytes ({@code --oplogSize}). */
  public long maxBytes() {
    return maxBytes;
  }

  /** The configured minimum retention ({@code --oplogMinRetentionHours}). */
  public Duration minRetention() {
    return minRetention;
  }

  /** The oplog's approximate size in bytes, not counting deleted entries whose space is not reclaimed yet. */
  public long size() {
    Long oldest = edge(false);
    return oldest == null ? 0 : storage.approximateSize(KeySpace.OPLOG, key(oldest), null);
  }

  /**
   * Deletes the oldest entries while the oplog is larger than its maximum size and they are older than the
   * minimum retention. Returns whether anything was deleted.
   */
  public boolean truncate() {
    Long oldest = edge(false);
    Long newest = edge(true);
    if (oldest == null) {
      return false;
    }
    long excess = storage.approximateSize(KeySpace.OPLOG, key(oldest), null) - maxBytes;
    if (excess <= 0) {
      return false;
    }
    // Without a minimum retention even entries of the current second may go (the bound is in whole seconds).
    long retainFrom = (clock.instant().getEpochSecond() - minRetention.toSeconds()) << 32;
    long limit = minRetention.isZero() ? newest : Math.min(newest, retainFrom);
    if (limit <= oldest) {
      return false;
    }
    storage.deleteRange(KeySpace.OPLOG, null, key(cutPoint(oldest, limit, excess)));
    truncations.incrementAndGet();
    return true;
  }

  /** The smallest cluster time in (oldest, limit] such that the entries before it hold at least {@code excess}. */
  private long cutPoint(long oldest, long limit, long excess) {
    long low = oldest + 1;
    long high = limit;
    while (low < high) {
      long middle = low + (high - low) / 2;
      if (storage.approximateSize(KeySpace.OPLOG, key(oldest), key(middle)) >= excess) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private Long edge(boolean newest) {
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, newest)) {
      return it.hasNext() ? ByteBuffer.wrap(it.next().key()).getLong() : null;
    }
  }

  private static byte[] key(long clusterTime) {
    return ByteBuffer.allocate(Long.BYTES).putLong(clusterTime).array();
  }
}
