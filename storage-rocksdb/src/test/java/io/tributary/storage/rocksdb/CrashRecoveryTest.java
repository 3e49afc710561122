package io.tributary.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageException;
import io.tributary.engine.storage.StorageOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments and checks what survives: every batch whose sync returned
 * (the child said so before dying), every batch whole across key spaces, and each thread's batches a prefix of
 * what it wrote (the log is replayed in order, without holes).
 */
class CrashRecoveryTest {
  private static final int THREADS = 4;

  @TempDir
  Path directory;
  private Path dbpath;
  private Path stderr;

  @BeforeEach
  void paths() {
    dbpath = directory.resolve("db");
    stderr = directory.resolve("child.stderr");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void syncedBatchesSurviveKillNine() throws Exception {
    Random random = new Random(20261125);
    Set<String> acknowledged = new HashSet<>();
    for (int round = 0; round < 6; round++) {
      acknowledged.addAll(writeUntilKilled(round, 20 + random.nextInt(300)));
      try (StorageEngine engine = RocksDbStorageEngine.open(StorageOptions.at(dbpath))) {
        Map<String, Integer> present = wholeBatches(engine);
        assertThat(present.keySet()).containsAll(acknowledged);
        assertPrefixesPerThread(present.keySet());
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(6 * 20);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSecondProcessIsToldTheDbpathIsInUse() throws Exception {
    Process holder = child("hold", dbpath.toString());
    try (BufferedReader out = reader(holder)) {
      assertThat(out.readLine()).as(stderr()).isEqualTo("open");
      assertThatThrownBy(() -> RocksDbStorageEngine.open(StorageOptions.at(dbpath)))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("dbpath " + dbpath.toAbsolutePath() + " is in use by another process");
    } finally {
      holder.destroyForcibly().waitFor();
    }
    RocksDbStorageEngine.open(StorageOptions.at(dbpath)).close(); // the lock dies with its process
  }

  /** Runs a writer until it has acknowledged {@code acks} batches, kills it, and returns every acknowledged id. */
  private Set<String> writeUntilKilled(int round, int acks) throws Exception {
    Process writer = child("write", dbpath.toString(), Integer.toString(round), Integer.toString(THREADS));
    Set<String> acknowledged = new HashSet<>();
    try (BufferedReader out = reader(writer)) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        assertThat(parts[0]).as(line).isEqualTo("synced");
        acknowledged.add(CrashChild.batchId(round, Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        if (acknowledged.size() == acks) {
          writer.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly, keeps our end of the
          // pipe open, so the acknowledgements the child wrote before dying are still read, and count
        }
      }
    } finally {
      writer.destroyForcibly().waitFor();
    }
    assertThat(acknowledged).as(stderr()).hasSizeGreaterThanOrEqualTo(acks);
    return acknowledged;
  }

  /** Batch id -> number of its DOCUMENTS keys, after checking every batch is whole in every key space. */
  private static Map<String, Integer> wholeBatches(StorageEngine engine) {
    Map<String, Integer> documents = new TreeMap<>();
    try (KeyValueIterator it = engine.scan(KeySpace.DOCUMENTS, null, null, false)) {
      it.forEachRemaining(kv -> documents.merge(new String(kv.value(), UTF_8), 1, Integer::sum));
    }
    assertThat(documents).allSatisfy((id, count) -> assertThat(count).as(id)
        .isEqualTo(CrashChild.DOCUMENTS_PER_BATCH));
    Set<String> oplog = new TreeSet<>();
    try (KeyValueIterator it = engine.scan(KeySpace.OPLOG, null, null, false)) {
      it.forEachRemaining(kv -> oplog.add(oplogId(kv)));
    }
    assertThat(oplog).isEqualTo(documents.keySet());
    for (String id : documents.keySet()) {
      assertThat(engine.get(KeySpace.INDEXES, id.getBytes(UTF_8))).as(id).isNotNull();
    }
    return documents;
  }

  private static String oplogId(KeyValue kv) {
    ByteBuffer key = ByteBuffer.wrap(kv.key());
    String id = CrashChild.batchId(key.getInt(), key.getInt(), key.getInt());
    assertThat(new String(kv.value(), UTF_8)).isEqualTo(id);
    return id;
  }

  /** A thread writes its batches in order, so recovery must keep 0..k of them, never a later one without all before. */
  private static void assertPrefixesPerThread(Set<String> ids) {
    Map<String, Integer> countByThread = new HashMap<>();
    Map<String, Integer> maxByThread = new HashMap<>();
    for (String id : ids) {
      String thread = id.substring(0, id.lastIndexOf('/'));
      int n = Integer.parseInt(id.substring(id.lastIndexOf('/') + 1));
      countByThread.merge(thread, 1, Integer::sum);
      maxByThread.merge(thread, n, Math::max);
    }
    countByThread.forEach((thread, count) -> assertThat(maxByThread.get(thread) + 1).as(thread).isEqualTo(count));
  }

  private Process child(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), CrashChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  private String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
  }
}
