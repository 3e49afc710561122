package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineContract;
import io.tributary.engine.storage.StorageEngineProvider;
import io.tributary.engine.storage.StorageException;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.storage.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStorageEngineTest extends StorageEngineContract {
  @TempDir
  Path dbpath;

  @Override
  protected StorageEngine createEngine() {
    return RocksDbStorageEngine.open(StorageOptions.at(dbpath));
  }

  @Override
  protected StorageEngine reopen(StorageEngine closed) {
    return createEngine();
  }

  /** Runs before the contract closes the engine: every test must have closed its iterators and snapshots. */
  @AfterEach
  void noIteratorOrSnapshotLeaked() {
    assertThat(((RocksDbStorageEngine) engine).openResources()).isZero();
  }

  @Test
  void isFoundByNameAndDurable() {
    engine.close();
    engine = StorageEngineProvider.named("rocksdb").open(StorageOptions.at(dbpath));
    assertThat(engine.name()).isEqualTo("rocksdb");
    assertThat(engine.isDurable()).isTrue();
  }

  @Test
  void statsReportEveryColumnFamilyAndTheSyncs() {
    engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, bytes("a"), bytes("1")));
    engine.sync();
    engine.sync();
    BsonDocument stats = engine.stats();
    assertThat(stats.getDocument("columnFamilies").keySet())
        .containsExactly("catalog", "documents", "indexes", "oplog", "metadata");
    assertThat(stats.getDocument("columnFamilies").getDocument("documents").getInt64("estimatedKeys").getValue())
        .isEqualTo(1);
    assertThat(stats.getInt64("batches").getValue()).isEqualTo(1);
    assertThat(stats.getInt64("walSyncs").getValue()).isEqualTo(1);
    assertThat(stats.getInt64("walSyncMicros").getValue()).isNotNegative();
  }

  @Test
  void stampsTheFormatVersionAndRefusesAnotherOne() throws IOException {
    engine.close();
    Path marker = dbpath.resolve(FormatVersion.FILE_NAME);
    assertThat(Files.readString(marker)).isEqualTo("tributary-rocksdb-format=1\n");

    Files.writeString(marker, "tributary-rocksdb-format=7\n");
    assertThatThrownBy(this::createEngine).isInstanceOf(StorageException.class)
        .hasMessage("dbpath " + dbpath + " holds rocksdb storage format version 7 but this Tributary reads only"
            + " version 1");
  }

  @Test
  void refusesANonEmptyDirectoryWithoutAFormatVersion(@TempDir Path other) throws IOException {
    Files.writeString(other.resolve("WiredTiger"), "not ours");
    assertThatThrownBy(() -> RocksDbStorageEngine.open(StorageOptions.at(other)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("dbpath " + other + " is not empty and holds no Tributary rocksdb data");
  }

  @Test
  void createsAMissingDirectory() {
    Path nested = dbpath.resolve("a/b");
    try (StorageEngine created = RocksDbStorageEngine.open(StorageOptions.at(nested))) {
      created.write(new WriteBatch().put(KeySpace.CATALOG, bytes("k"), bytes("v")));
    }
    assertThat(nested.resolve(FormatVersion.FILE_NAME)).exists();
  }

  @Test
  void closingWhileOtherThreadsReadMakesThemFailCleanly() throws Exception {
    engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, bytes("a"), bytes("1")).put(KeySpace.DOCUMENTS,
        bytes("b"), bytes("2")));
    CountDownLatch reading = new CountDownLatch(2);
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try {
      List<Future<Throwable>> outcomes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        outcomes.add(readers.submit(() -> readUntilFailure(reading)));
      }
      reading.await();
      engine.close();
      for (Future<Throwable> outcome : outcomes) {
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
      }
    } finally {
      readers.shutdownNow();
    }
  }

  private Throwable readUntilFailure(CountDownLatch reading) {
    try {
      while (true) {
        try (Snapshot snapshot = engine.snapshot();
            KeyValueIterator it = snapshot.scan(KeySpace.DOCUMENTS, null, null, false)) {
          while (it.hasNext()) {
            it.next();
          }
          snapshot.get(KeySpace.DOCUMENTS, bytes("a"));
        }
        reading.countDown();
      }
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    assertThatThrownBy(this::createEngine).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("dbpath " + dbpath + " is in use by another process");
  }
}
