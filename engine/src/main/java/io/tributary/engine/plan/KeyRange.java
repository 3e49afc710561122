package io.tributary.engine.plan;

import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.query.Interval;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A range of encoded index keys, {@code [from, to)} in unsigned byte order ({@code to} null: the index's end),
 * and the translation of per-field bounds into such ranges (mongod's index bounds checker, reduced to ranges).
 *
 * <p>Notes. Keys are the concatenated, prefix-free {@link KeyCodec} encodings of the fields, bit-inverted for
 * descending fields, so a field's interval becomes a byte range after the bytes of the fields before it. While
 * leading fields are bounded by points only, every combination of them is a prefix (a cartesian product, kept
 * small); the first field bounded by a real range ends the key: later fields are unbounded within it. An
 * exclusive lower end starts after every key extending its bytes ({@link KeyLayout#prefixEnd}), an inclusive
 * upper end likewise ends after them; this is exact because encodings are prefix-free. Immutable.
 */
record KeyRange(byte[] from, byte[] to) {
  /** Above this many point prefixes, a field's points are scanned as one range each without extending. */
  private static final int MAX_PREFIXES = 256;

  /** The ranges covering {@code bounds} (one list per key field, ascending values), in ascending key order. */
  static List<KeyRange> of(List<List<Interval>> bounds, List<Boolean> descending) {
    List<byte[]> prefixes = List.of(new byte[0]);
    for (int field = 0; field < bounds.size(); field++) {
      List<Interval> intervals = inKeyOrder(bounds.get(field), descending.get(field));
      boolean points = intervals.stream().allMatch(Interval::isPoint);
      if (!points || prefixes.size() * intervals.size() > MAX_PREFIXES) {
        return ranges(prefixes, intervals, descending.get(field));
      }
      List<byte[]> extended = new ArrayList<>();
      for (byte[] prefix : prefixes) {
        for (Interval point : intervals) {
          extended.add(concat(prefix, encode(point.low(), descending.get(field))));
        }
      }
      prefixes = extended;
    }
    List<KeyRange> ranges = new ArrayList<>();
    prefixes.forEach(prefix -> ranges.add(new KeyRange(prefix, KeyLayout.prefixEnd(prefix))));
    return ranges;
  }

  private static List<KeyRange> ranges(List<byte[]> prefixes, List<Interval> intervals, boolean descending) {
    List<KeyRange> ranges = new ArrayList<>();
    for (byte[] prefix : prefixes) {
      for (Interval interval : intervals) {
        byte[] low = concat(prefix, encode(descending ? interval.high() : interval.low(), descending));
        byte[] high = concat(prefix, encode(descending ? interval.low() : interval.high(), descending));
        boolean lowInclusive = descending ? interval.highInclusive() : interval.lowInclusive();
        boolean highInclusive = descending ? interval.lowInclusive() : interval.highInclusive();
        byte[] from = lowInclusive ? low : KeyLayout.prefixEnd(low);
        if (from != null) {
          ranges.add(new KeyRange(from, highInclusive ? KeyLayout.prefixEnd(high) : high));
        }
      }
    }
    return ranges;
  }

  /** Descending fields store inverted bytes, so their intervals come in reverse order. */
  private static List<Interval> inKeyOrder(List<Interval> intervals, boolean descending) {
    if (!descending) {
      return intervals;
    }
    List<Interval> reversed = new ArrayList<>(intervals);
    Collections.reverse(reversed);
    return reversed;
  }

  private static byte[] encode(org.bson.BsonValue value, boolean descending) {
    return KeyCodec.encode(List.of(value), List.of(descending));
  }

  private static byte[] concat(byte[] prefix, byte[] suffix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + suffix.length);
    out.writeBytes(prefix);
    out.writeBytes(suffix);
    return out.toByteArray();
  }
}
