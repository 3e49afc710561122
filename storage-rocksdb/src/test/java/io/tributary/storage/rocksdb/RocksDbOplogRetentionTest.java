package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.OplogRetention;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OplogRetention} over RocksDB's approximate sizes: 20,000 incompressible entries, one per second. */
class RocksDbOplogRetentionTest {
  private static final int ENTRIES = 20_000;
  private static final long FIRST_SECOND = 1_000_000;
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(FIRST_SECOND + ENTRIES), ZoneOffset.UTC);
  private StorageEngine storage;

  @BeforeEach
  void fill(@TempDir Path dbpath) {
    storage = RocksDbStorageEngine.open(StorageOptions.at(dbpath));
    Random random = new Random(7);
    for (int start = 0; start < ENTRIES; start += 1000) {
      WriteBatch batch = new WriteBatch();
      for (int i = start; i < start + 1000; i++) {
        byte[] value = new byte[200];
        random.nextBytes(value);
        batch.put(KeySpace.OPLOG, key(FIRST_SECOND + i), value);
      }
      storage.write(batch);
    }
    // Reopening flushes the recovered WAL into table files, so the sizes the test measures come from files
    // alone and do not depend on whether a background memtable flush happened to run during the fill.
    storage.close();
    storage = RocksDbStorageEngine.open(StorageOptions.at(dbpath));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void truncatesRoughlyToTheMaximumSize() {
    OplogRetention retention = new OplogRetention(storage, 1, Duration.ZERO, clock);
    long full = retention.size();
    retention = new OplogRetention(storage, full / 2, Duration.ZERO, clock);

    assertThat(retention.truncate()).isTrue();

    assertThat(retainedEntries()).isBetween(ENTRIES * 4 / 10, ENTRIES * 6 / 10);
    assertThat(retention.size()).isLessThan(full * 6 / 10);
    assertThat(storage.get(KeySpace.OPLOG, key(FIRST_SECOND + ENTRIES - 1))).isNotNull();
  }

  @Test
  void keepsEntriesYoungerThanTheMinimumRetention() {
    Duration keepLastQuarter = Duration.ofSeconds(ENTRIES * 3 / 4);
    OplogRetention retention = new OplogRetention(storage, 1, keepLastQuarter, clock);

    assertThat(retention.truncate()).isTrue();

    assertThat(retainedEntries()).isEqualTo(ENTRIES * 3 / 4);
    assertThat(retention.truncate()).isFalse();
  }

  private int retainedEntries() {
    int count = 0;
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, false)) {
      for (; it.hasNext(); it.next()) {
        count++;
      }
    }
    return count;
  }

  private static byte[] key(long second) {
    return ByteBuffer.allocate(8).putLong(second << 32 | 1).array();
  }
}
