package io.tributary.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OplogRetentionTest {
  /** 100 entries, one per second from second 1000, each 8 + 92 = 100 bytes. */
  private final StorageEngine storage = new InMemoryStorageEngine();
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(2000), ZoneOffset.UTC);

  OplogRetentionTest() {
    WriteBatch batch = new WriteBatch();
    for (int second = 1000; second < 1100; second++) {
      batch.put(KeySpace.OPLOG, key(second, 1), new byte[92]);
    }
    storage.write(batch);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void deletesTheOldestEntriesDownToTheMaximumSize() {
    OplogRetention retention = new OplogRetention(storage, 5_000, Duration.ZERO, clock);
    assertThat(retention.size()).isEqualTo(10_000);

    assertThat(retention.truncate()).isTrue();

    assertThat(retention.size()).isEqualTo(5_000);
    assertThat(seconds()).first().isEqualTo(1050);
    assertThat(retention.truncate()).isFalse();
  }

  @Test
  void neverDeletesEntriesYoungerThanTheMinimumRetention() {
    Duration retention = Duration.ofSeconds(2000 - 1030);
    OplogRetention oplog = new OplogRetention(storage, 1_000, retention, clock);

    assertThat(oplog.truncate()).isTrue();

    assertThat(seconds()).first().isEqualTo(1030);
    assertThat(oplog.size()).isEqualTo(7_000);
    assertThat(oplog.truncate()).isFalse();
  }

  @Test
  void keepsTheNewestEntry() {
    OplogRetention retention = new OplogRetention(storage, 1, Duration.ZERO, clock);
    assertThat(retention.truncate()).isTrue();
    assertThat(seconds()).containsExactly(1099);
    assertThat(retention.truncate()).isFalse();
  }

  @Test
  void doesNothingWithinTheSizeOrWhenEmpty() {
    assertThat(new OplogRetention(storage, 10_000, Duration.ZERO, clock).truncate()).isFalse();
    storage.deleteRange(KeySpace.OPLOG, null, null);
    assertThat(new OplogRetention(storage, 1, Duration.ZERO, clock).truncate()).isFalse();
  }

  private List<Integer> seconds() {
    List<Integer> seconds = new ArrayList<>();
    try (KeyValueIterator it = storage.scan(KeySpace.OPLOG, null, null, false)) {
      it.forEachRemaining(kv -> seconds.add((int) (ByteBuffer.wrap(kv.key()).getLong() >>> 32)));
    }
    return seconds;
  }

  private static byte[] key(long seconds, int increment) {
    return ByteBuffer.allocate(8).putLong(seconds << 32 | increment).array();
  }
}
