package io.tributary.engine.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random operation sequences on {@link PersistentSortedMap} against a {@link TreeMap} model. */
class PersistentSortedMapProperties {
  /** A put ({@code value != null}) or a delete of a short key. */
  record Op(byte[] key, byte[] value) {}

  @Property(tries = 300)
  void matchesTreeMapAndEarlierVersionsStayIntact(@ForAll("ops") List<Op> ops) {
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    PersistentSortedMap map = PersistentSortedMap.EMPTY;
    PersistentSortedMap halfway = null;
    List<String> halfwayContents = null;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.value() == null) {
        map = map.without(op.key());
        model.remove(op.key());
      } else {
        map = map.with(op.key(), op.value());
        model.put(op.key(), op.value());
      }
      if (i == ops.size() / 2) {
        halfway = map;
        halfwayContents = contents(map.scan(null, null, false));
      }
    }
    assertThat(contents(map.scan(null, null, false))).isEqualTo(contents(model));
    assertThat(map.size()).isEqualTo(model.size());
    assertThat(map.height()).isLessThanOrEqualTo((int) Math.ceil(1.45 * log2(model.size() + 2)));
    if (halfway != null) {
      assertThat(contents(halfway.scan(null, null, false))).isEqualTo(halfwayContents);
    }
  }

  @Property(tries = 300)
  void boundedScansAndSizesMatchSubMaps(@ForAll("ops") List<Op> ops, @ForAll("keys") byte[] from,
      @ForAll("keys") byte[] to) {
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    PersistentSortedMap map = PersistentSortedMap.EMPTY;
    for (Op op : ops) {
      if (op.value() != null) {
        map = map.with(op.key(), op.value());
        model.put(op.key(), op.value());
      }
    }
    NavigableMap<byte[], byte[]> range = Arrays.compareUnsigned(from, to) >= 0
        ? new TreeMap<>() : model.subMap(from, true, to, false);
    assertThat(contents(map.scan(from, to, false))).isEqualTo(contents(range));
    assertThat(contents(map.scan(from, to, true))).isEqualTo(contents(range.descendingMap()));
    long rangeBytes = range.entrySet().stream().mapToLong(e -> e.getKey().length + e.getValue().length).sum();
    assertThat(map.bytes(from, to)).isEqualTo(rangeBytes);
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(3).injectNull(0.3);
    return Combinators.combine(keys(), values).as(Op::new).list().ofMaxSize(200);
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.bytes().between((byte) -2, (byte) 2).array(byte[].class).ofMaxSize(3);
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  private static List<String> contents(KeyValueIterator it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(kv -> out.add(render(kv)));
    return out;
  }

  private static List<String> contents(NavigableMap<byte[], byte[]> map) {
    List<String> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(render(new KeyValue(k, v))));
    return out;
  }

  private static String render(KeyValue kv) {
    return Arrays.toString(kv.key()) + "=" + Arrays.toString(kv.value());
  }
}
