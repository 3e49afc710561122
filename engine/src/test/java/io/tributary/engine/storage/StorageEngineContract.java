package io.tributary.engine.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link StorageEngine} must show, written once and run by a subclass per engine (it ships in
 * the engine's test jar). A subclass supplies a fresh engine per test and, for a durable engine, a way to reopen
 * the same data after a clean close.
 */
public abstract class StorageEngineContract {
  protected StorageEngine engine;

  /** A new, empty engine; each test gets its own. */
  protected abstract StorageEngine createEngine();

  /**
   * Reopens the data of {@code closed} (already closed) as a new engine. Only called when the engine
   * {@link StorageEngine#isDurable() is durable}.
   */
  protected StorageEngine reopen(StorageEngine closed) {
    throw new UnsupportedOperationException("a durable engine's contract must implement reopen");
  }

  @BeforeEach
  void openEngine() {
    engine = createEngine();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void putThenGetThenDelete() {
    engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, bytes("a"), bytes("1")));
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("a"))).isEqualTo(bytes("1"));

    engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, bytes("a"), bytes("2")));
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("a"))).isEqualTo(bytes("2"));

    engine.write(new WriteBatch().delete(KeySpace.DOCUMENTS, bytes("a")));
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("a"))).isNull();
  }

  @Test
  void missingKeysAndDeletesOfMissingKeys() {
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("nope"))).isNull();
    engine.write(new WriteBatch().delete(KeySpace.DOCUMENTS, bytes("nope")));
    engine.write(new WriteBatch());
    assertThat(scanAll(engine, KeySpace.DOCUMENTS, null, null, false)).isEmpty();
  }

  @Test
  void emptyKeysAndValuesAreStored() {
    engine.write(new WriteBatch().put(KeySpace.METADATA, new byte[0], new byte[0]));
    assertThat(engine.get(KeySpace.METADATA, new byte[0])).isEmpty();
    assertThat(scanAll(engine, KeySpace.METADATA, null, null, false)).hasSize(1);
  }

  @Test
  void keySpacesAreSeparate() {
    engine.write(new WriteBatch()
        .put(KeySpace.DOCUMENTS, bytes("k"), bytes("doc"))
        .put(KeySpace.INDEXES, bytes("k"), bytes("idx")));
    for (KeySpace space : KeySpace.values()) {
      byte[] expected = switch (space) {
        case DOCUMENTS -> bytes("doc");
        case INDEXES -> bytes("idx");
        default -> null;
      };
      assertThat(engine.get(space, bytes("k"))).as(space.name()).isEqualTo(expected);
    }
  }

  @Test
  void scansUseUnsignedByteOrder() {
    byte[][] keys = {{(byte) 0xff}, {0x00}, {(byte) 0x80}, {0x7f}, {0x01, 0x00}, {0x01}, {(byte) 0x80, 0x00}};
    WriteBatch batch = new WriteBatch();
    for (byte[] key : keys) {
      batch.put(KeySpace.INDEXES, key, key);
    }
    engine.write(batch);

    List<String> expected = List.of("00", "01", "0100", "7f", "80", "8000", "ff");
    assertThat(hexKeys(scanAll(engine, KeySpace.INDEXES, null, null, false))).isEqualTo(expected);
    assertThat(hexKeys(scanAll(engine, KeySpace.INDEXES, null, null, true))).isEqualTo(reversed(expected));
  }

  @ParameterizedTest(name = "reverse={0}")
  @ValueSource(booleans = {false, true})
  void scanBoundsAreInclusiveThenExclusive(boolean reverse) {
    engine.write(batchOf(KeySpace.OPLOG, "a", "b", "c", "d", "e"));

    assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, bytes("b"), bytes("d"), reverse)))
        .isEqualTo(ordered(reverse, "b", "c"));
    assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, bytes("bb"), bytes("dd"), reverse)))
        .isEqualTo(ordered(reverse, "c", "d"));
    assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, bytes("c"), null, reverse)))
        .isEqualTo(ordered(reverse, "c", "d", "e"));
    assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, null, bytes("c"), reverse)))
        .isEqualTo(ordered(reverse, "a", "b"));
    assertThat(scanAll(engine, KeySpace.OPLOG, bytes("c"), bytes("c"), reverse)).isEmpty();
    assertThat(scanAll(engine, KeySpace.OPLOG, bytes("d"), bytes("b"), reverse)).isEmpty();
    assertThat(scanAll(engine, KeySpace.OPLOG, bytes("f"), null, reverse)).isEmpty();
  }

  @Test
  void exhaustedIteratorThrows() {
    engine.write(batchOf(KeySpace.DOCUMENTS, "a"));
    try (KeyValueIterator it = engine.scan(KeySpace.DOCUMENTS, null, null, false)) {
      assertThat(it.next().key()).isEqualTo(bytes("a"));
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void laterMutationsOfABatchWin() {
    engine.write(new WriteBatch()
        .put(KeySpace.DOCUMENTS, bytes("a"), bytes("1"))
        .put(KeySpace.DOCUMENTS, bytes("a"), bytes("2"))
        .put(KeySpace.DOCUMENTS, bytes("b"), bytes("1"))
        .delete(KeySpace.DOCUMENTS, bytes("b"))
        .delete(KeySpace.DOCUMENTS, bytes("c"))
        .put(KeySpace.DOCUMENTS, bytes("c"), bytes("3")));

    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("a"))).isEqualTo(bytes("2"));
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("b"))).isNull();
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("c"))).isEqualTo(bytes("3"));
  }

  @Test
  void callersMayReuseTheirArraysAfterWrite() {
    byte[] key = bytes("k");
    byte[] value = bytes("v");
    engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, key, value));
    key[0] = 'x';
    value[0] = 'x';
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("k"))).isEqualTo(bytes("v"));
  }

  @Test
  void snapshotDoesNotSeeLaterBatches() {
    engine.write(batchOf(KeySpace.DOCUMENTS, "a", "b"));
    try (Snapshot snapshot = engine.snapshot()) {
      engine.write(new WriteBatch()
          .put(KeySpace.DOCUMENTS, bytes("a"), bytes("changed"))
          .delete(KeySpace.DOCUMENTS, bytes("b"))
          .put(KeySpace.DOCUMENTS, bytes("c"), bytes("c")));

      assertThat(snapshot.get(KeySpace.DOCUMENTS, bytes("a"))).isEqualTo(bytes("a"));
      assertThat(snapshot.get(KeySpace.DOCUMENTS, bytes("b"))).isEqualTo(bytes("b"));
      assertThat(snapshot.get(KeySpace.DOCUMENTS, bytes("c"))).isNull();
      assertThat(keysOf(scanAll(snapshot, KeySpace.DOCUMENTS, null, null, false))).containsExactly("a", "b");
      assertThat(keysOf(scanAll(snapshot, KeySpace.DOCUMENTS, null, null, true))).containsExactly("b", "a");
    }
    try (Snapshot later = engine.snapshot()) {
      assertThat(keysOf(scanAll(later, KeySpace.DOCUMENTS, null, null, false))).containsExactly("a", "c");
    }
  }

  @Test
  void openIteratorKeepsItsStartingView() {
    engine.write(batchOf(KeySpace.OPLOG, "a", "b", "c"));
    try (KeyValueIterator it = engine.scan(KeySpace.OPLOG, null, null, false)) {
      assertThat(it.next().key()).isEqualTo(bytes("a"));
      engine.write(new WriteBatch().delete(KeySpace.OPLOG, bytes("c")).put(KeySpace.OPLOG, bytes("bb"), bytes("x")));
      List<String> rest = new ArrayList<>();
      it.forEachRemaining(kv -> rest.add(new String(kv.key(), UTF_8)));
      assertThat(rest).containsExactly("b", "c");
    }
  }

  @Test
  void manySnapshotsEachSeeTheirOwnPoint() {
    List<Snapshot> snapshots = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        engine.write(new WriteBatch().put(KeySpace.DOCUMENTS, bytes("k"), bytes(Integer.toString(i))));
        snapshots.add(engine.snapshot());
      }
      for (int i = 0; i < snapshots.size(); i++) {
        assertThat(snapshots.get(i).get(KeySpace.DOCUMENTS, bytes("k"))).isEqualTo(bytes(Integer.toString(i)));
      }
    } finally {
      snapshots.forEach(Snapshot::close);
    }
  }

  /**
   * Every batch sets all keys to the same value; concurrent readers must never observe a mixture, and plain reads
   * made one after another must never go back in time.
   */
  @Test
  void concurrentReadersSeeWholeBatchesInOrder() throws Exception {
    int keys = 8;
    int batches = 500;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean done = new AtomicBoolean();
    try {
      engine.write(counterBatch(keys, 0));
      List<Future<Integer>> readers = List.of(
          pool.submit(() -> readSnapshotsUntil(done, keys)), pool.submit(() -> readPlainUntil(done, keys)));
      Future<?> writer = pool.submit(() -> {
        for (int i = 1; i <= batches; i++) {
          engine.write(counterBatch(keys, i));
        }
        done.set(true);
      });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isBetween(0, batches);
      }
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSyncsAllReturn() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            engine.write(new WriteBatch().put(KeySpace.OPLOG, bytes(thread + "-" + i), bytes("v")));
            engine.sync();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(scanAll(engine, KeySpace.OPLOG, null, null, false)).hasSize(200);
  }

  @Test
  void syncedBatchesSurviveReopen() {
    assumeTrue(engine.isDurable(), "only durable engines keep data across a reopen");
    engine.write(batchOf(KeySpace.DOCUMENTS, "a", "b"));
    engine.write(new WriteBatch().delete(KeySpace.DOCUMENTS, bytes("a")).put(KeySpace.OPLOG, bytes("o"), bytes("o")));
    engine.sync();
    engine.close();
    engine = reopen(engine);
    assertThat(keysOf(scanAll(engine, KeySpace.DOCUMENTS, null, null, false))).containsExactly("b");
    assertThat(engine.get(KeySpace.OPLOG, bytes("o"))).isEqualTo(bytes("o"));
  }

  @Test
  void deleteRangeRemovesExactlyTheRange() {
    engine.write(batchOf(KeySpace.OPLOG, "a", "b", "c", "d"));
    engine.write(batchOf(KeySpace.DOCUMENTS, "b"));
    try (Snapshot before = engine.snapshot()) {
      engine.deleteRange(KeySpace.OPLOG, bytes("b"), bytes("d"));
      assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, null, null, false))).containsExactly("a", "d");
      assertThat(keysOf(scanAll(before, KeySpace.OPLOG, null, null, false))).containsExactly("a", "b", "c", "d");
    }
    engine.deleteRange(KeySpace.OPLOG, null, bytes("b"));
    assertThat(keysOf(scanAll(engine, KeySpace.OPLOG, null, null, false))).containsExactly("d");
    assertThat(engine.get(KeySpace.DOCUMENTS, bytes("b"))).isEqualTo(bytes("b"));
  }

  @Test
  void approximateSizeFollowsWritesAndRangeDeletes() {
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < 2000; i++) {
      batch.put(KeySpace.OPLOG, bytes(String.format("%08d", i)), new byte[200]);
    }
    engine.write(batch);
    long full = engine.approximateSize(KeySpace.OPLOG, null, null);
    assertThat(full).isPositive();
    assertThat(engine.approximateSize(KeySpace.OPLOG, null, bytes("00001000"))).isLessThan(full);

    engine.deleteRange(KeySpace.OPLOG, null, bytes("00001500"));
    assertThat(engine.approximateSize(KeySpace.OPLOG, bytes("00001500"), null)).isLessThan(full);
    assertThat(scanAll(engine, KeySpace.OPLOG, null, null, false)).hasSize(500);
  }

  @Test
  void statsAreADocument() {
    engine.write(batchOf(KeySpace.DOCUMENTS, "a", "b"));
    assertThat(engine.stats()).isNotNull();
    assertThat(engine.name()).isNotBlank();
  }

  @Test
  void closeIsIdempotentAndLaterUseFails() {
    engine.write(batchOf(KeySpace.DOCUMENTS, "a"));
    Snapshot snapshot = engine.snapshot();
    KeyValueIterator iterator = engine.scan(KeySpace.DOCUMENTS, null, null, false);
    engine.close();
    engine.close();

    assertThatThrownBy(() -> engine.get(KeySpace.DOCUMENTS, bytes("a"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> engine.write(batchOf(KeySpace.DOCUMENTS, "b")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(engine::snapshot).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> snapshot.get(KeySpace.DOCUMENTS, bytes("a"))).isInstanceOf(IllegalStateException.class);
    snapshot.close();
    iterator.close();
  }

  /** Random operation sequences checked against a {@link TreeMap} model, reads through snapshots included. */
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void behavesLikeASortedMapModel(long seed) {
    Random random = new Random(seed);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    for (int round = 0; round < 200; round++) {
      WriteBatch batch = new WriteBatch();
      for (int i = random.nextInt(6); i >= 0; i--) {
        byte[] key = randomKey(random);
        if (random.nextInt(4) == 0) {
          batch.delete(KeySpace.INDEXES, key);
          model.remove(key);
        } else {
          byte[] value = bytes(Integer.toString(random.nextInt(1000)));
          batch.put(KeySpace.INDEXES, key, value);
          model.put(key, value);
        }
      }
      engine.write(batch);
      checkAgainstModel(random, model);
    }
  }

  private void checkAgainstModel(Random random, TreeMap<byte[], byte[]> model) {
    byte[] key = randomKey(random);
    assertThat(engine.get(KeySpace.INDEXES, key)).isEqualTo(model.get(key));
    byte[] from = random.nextBoolean() ? null : randomKey(random);
    byte[] to = random.nextBoolean() ? null : randomKey(random);
    boolean reverse = random.nextBoolean();
    List<String> expected = entriesOf(subMap(model, from, to));
    try (Snapshot snapshot = engine.snapshot()) {
      assertThat(entries(scanAll(snapshot, KeySpace.INDEXES, from, to, reverse)))
          .isEqualTo(reverse ? reversed(expected) : expected);
    }
  }

  private static Map<byte[], byte[]> subMap(NavigableMap<byte[], byte[]> model, byte[] from, byte[] to) {
    if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return Map.of();
    }
    NavigableMap<byte[], byte[]> range = from == null ? model : model.tailMap(from, true);
    return to == null ? range : range.headMap(to, false);
  }

  private static List<String> entriesOf(Map<byte[], byte[]> map) {
    List<String> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(hex(k) + "=" + hex(v)));
    return out;
  }

  private static List<String> entries(List<KeyValue> kvs) {
    return kvs.stream().map(kv -> hex(kv.key()) + "=" + hex(kv.value())).toList();
  }

  private static byte[] randomKey(Random random) {
    byte[] key = new byte[1 + random.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (random.nextBoolean() ? random.nextInt(4) : 0xfe + random.nextInt(2));
    }
    return key;
  }

  private int readSnapshotsUntil(AtomicBoolean done, int keys) {
    int last = 0;
    while (!done.get()) {
      try (Snapshot snapshot = engine.snapshot()) {
        List<KeyValue> all = scanAll(snapshot, KeySpace.DOCUMENTS, null, null, false);
        assertThat(all).hasSize(keys);
        int value = Integer.parseInt(new String(all.get(0).value(), UTF_8));
        assertThat(all).allSatisfy(kv -> assertThat(kv.value()).isEqualTo(bytes(Integer.toString(value))));
        assertThat(snapshot.get(KeySpace.DOCUMENTS, bytes("k" + (keys - 1)))).isEqualTo(bytes(Integer.toString(value)));
        assertThat(value).isGreaterThanOrEqualTo(last);
        last = value;
      }
    }
    return last;
  }

  private int readPlainUntil(AtomicBoolean done, int keys) {
    int last = 0;
    while (!done.get()) {
      List<KeyValue> all = scanAll(engine, KeySpace.DOCUMENTS, null, null, true);
      int value = Integer.parseInt(new String(all.get(0).value(), UTF_8));
      assertThat(all).allSatisfy(kv -> assertThat(kv.value()).isEqualTo(bytes(Integer.toString(value))));
      int first = counter(engine.get(KeySpace.DOCUMENTS, bytes("k0")));
      int second = counter(engine.get(KeySpace.DOCUMENTS, bytes("k" + (keys - 1))));
      assertThat(value).isGreaterThanOrEqualTo(last);
      assertThat(first).isGreaterThanOrEqualTo(value);
      assertThat(second).isGreaterThanOrEqualTo(first);
      last = second;
    }
    return last;
  }

  private static int counter(byte[] value) {
    return Integer.parseInt(new String(value, UTF_8));
  }

  private static WriteBatch counterBatch(int keys, int value) {
    WriteBatch batch = new WriteBatch();
    for (int k = 0; k < keys; k++) {
      batch.put(KeySpace.DOCUMENTS, bytes("k" + k), bytes(Integer.toString(value)));
    }
    return batch;
  }

  protected static WriteBatch batchOf(KeySpace space, String... keys) {
    WriteBatch batch = new WriteBatch();
    for (String key : keys) {
      batch.put(space, bytes(key), bytes(key));
    }
    return batch;
  }

  protected static List<KeyValue> scanAll(ReadView view, KeySpace space, byte[] from, byte[] to, boolean reverse) {
    List<KeyValue> out = new ArrayList<>();
    try (KeyValueIterator it = view.scan(space, from, to, reverse)) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static List<String> keysOf(List<KeyValue> kvs) {
    return kvs.stream().map(kv -> new String(kv.key(), UTF_8)).toList();
  }

  private static List<String> hexKeys(List<KeyValue> kvs) {
    return kvs.stream().map(kv -> hex(kv.key())).toList();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }

  private static List<String> ordered(boolean reverse, String... keys) {
    return reverse ? reversed(List.of(keys)) : List.of(keys);
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
