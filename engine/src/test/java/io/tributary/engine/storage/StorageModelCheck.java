package io.tributary.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Model-based checking of a {@link StorageEngine} for jqwik properties (it ships in the engine's test jar): random
 * sequences of batches, range deletes, snapshots and scans, each applied to the engine and to a {@link TreeMap}
 * model; every scan is checked against the model at the latest state and at every open snapshot. Stateless.
 */
public final class StorageModelCheck {
  /** One step of a run. */
  public sealed interface Op permits Write, DeleteRange, TakeSnapshot, Check {}

  /** A batch of puts ({@code value != null}) and deletes. */
  public record Write(List<WriteBatch.Mutation> mutations) implements Op {}

  public record DeleteRange(KeySpace space, byte[] from, byte[] to) implements Op {}

  public record TakeSnapshot() implements Op {}

  public record Check(KeySpace space, byte[] from, byte[] to, boolean reverse, byte[] key) implements Op {}

  private static final List<KeySpace> SPACES = List.of(KeySpace.DOCUMENTS, KeySpace.OPLOG);

  private StorageModelCheck() {}

  /** Random runs of up to 60 steps over a small key alphabet (so keys collide), in two key spaces. */
  public static Arbitrary<List<Op>> runs() {
    Arbitrary<KeySpace> spaces = Arbitraries.of(SPACES);
    Arbitrary<byte[]> keys = Arbitraries.bytes().between((byte) -2, (byte) 2).array(byte[].class).ofMinSize(1)
        .ofMaxSize(3);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
    Arbitrary<WriteBatch.Mutation> mutations = Combinators.combine(spaces, keys, values.injectNull(0.3))
        .as(WriteBatch.Mutation::new);
    Arbitrary<Op> write = mutations.list().ofMinSize(1).ofMaxSize(8).map(Write::new);
    Arbitrary<Op> deleteRange = Combinators.combine(spaces, keys.injectNull(0.3), keys.injectNull(0.3))
        .as(DeleteRange::new);
    Arbitrary<Op> check = Combinators.combine(spaces, keys.injectNull(0.3), keys.injectNull(0.3),
        Arbitraries.of(true, false), keys).as(Check::new);
    return Arbitraries.frequencyOf(
        Tuple.of(6, write), Tuple.of(1, deleteRange),
        Tuple.of(1, Arbitraries.just(new TakeSnapshot())), Tuple.of(3, check))
        .list().ofMaxSize(60);
  }

  /** Empties the two key spaces the runs use, so one engine can serve many tries. */
  public static void clear(StorageEngine engine) {
    SPACES.forEach(space -> engine.deleteRange(space, null, null));
  }

  /** Applies {@code ops} to {@code engine} (empty in the spaces used) and to a model, checking every read. */
  public static void run(StorageEngine engine, List<Op> ops) {
    Map<KeySpace, TreeMap<byte[], byte[]>> model = emptyModel();
    List<Snapshot> snapshots = new ArrayList<>();
    List<Map<KeySpace, TreeMap<byte[], byte[]>>> snapshotModels = new ArrayList<>();
    try {
      for (Op op : ops) {
        apply(engine, model, op);
        if (op instanceof TakeSnapshot) {
          snapshots.add(engine.snapshot());
          snapshotModels.add(copy(model));
        } else if (op instanceof Check c) {
          check(engine, model.get(c.space()), c);
          for (int i = 0; i < snapshots.size(); i++) {
            check(snapshots.get(i), snapshotModels.get(i).get(c.space()), c);
          }
        }
      }
    } finally {
      snapshots.forEach(Snapshot::close);
    }
  }

  private static void apply(StorageEngine engine, Map<KeySpace, TreeMap<byte[], byte[]>> model, Op op) {
    if (op instanceof Write w) {
      WriteBatch batch = new WriteBatch();
      for (WriteBatch.Mutation m : w.mutations()) {
        if (m.value() == null) {
          batch.delete(m.space(), m.key());
          model.get(m.space()).remove(m.key());
        } else {
          batch.put(m.space(), m.key(), m.value());
          model.get(m.space()).put(m.key(), m.value());
        }
      }
      engine.write(batch);
    } else if (op instanceof DeleteRange d) {
      engine.deleteRange(d.space(), d.from(), d.to());
      range(model.get(d.space()), d.from(), d.to()).clear();
    }
  }

  private static void check(ReadView view, TreeMap<byte[], byte[]> model, Check c) {
    assertThat(render(view.get(c.space(), c.key()))).isEqualTo(render(model.get(c.key())));
    NavigableMap<byte[], byte[]> range = range(model, c.from(), c.to());
    List<String> expected = new ArrayList<>();
    (c.reverse() ? range.descendingMap() : range).forEach((k, v) -> expected.add(render(k) + "=" + render(v)));
    List<String> actual = new ArrayList<>();
    try (KeyValueIterator it = view.scan(c.space(), c.from(), c.to(), c.reverse())) {
      it.forEachRemaining(kv -> actual.add(render(kv.key()) + "=" + render(kv.value())));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static NavigableMap<byte[], byte[]> range(TreeMap<byte[], byte[]> map, byte[] from, byte[] to) {
    if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return new TreeMap<>(Arrays::compareUnsigned);
    }
    NavigableMap<byte[], byte[]> range = from == null ? map : map.tailMap(from, true);
    return to == null ? range : range.headMap(to, false);
  }

  private static Map<KeySpace, TreeMap<byte[], byte[]>> emptyModel() {
    Map<KeySpace, TreeMap<byte[], byte[]>> model = new EnumMap<>(KeySpace.class);
    SPACES.forEach(space -> model.put(space, new TreeMap<>(Arrays::compareUnsigned)));
    return model;
  }

  private static Map<KeySpace, TreeMap<byte[], byte[]>> copy(Map<KeySpace, TreeMap<byte[], byte[]>> model) {
    Map<KeySpace, TreeMap<byte[], byte[]>> copy = emptyModel();
    model.forEach((space, map) -> copy.get(space).putAll(map));
    return copy;
  }

  private static String render(byte[] bytes) {
    return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
  }
}
