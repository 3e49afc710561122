package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bson.BsonTimestamp;

/** The key layout's orders: numbers, cluster times and prefixes sort as unsigned bytes. */
class KeyLayoutProperties {
  @Property
  void documentKeysSortByCollectionThenRecordId(@ForAll long c1, @ForAll long r1, @ForAll long c2, @ForAll long r2) {
    c1 = Math.abs(c1 % 1000);
    c2 = Math.abs(c2 % 1000);
    r1 &= Long.MAX_VALUE; // record ids are non-negative
    r2 &= Long.MAX_VALUE;
    int expected = c1 != c2 ? Long.compare(c1, c2) : Long.compare(r1, r2);
    int actual = Arrays.compareUnsigned(KeyLayout.documentKey(c1, r1), KeyLayout.documentKey(c2, r2));
    assertThat(Integer.signum(actual)).isEqualTo(Integer.signum(expected));
  }

  @Property
  void oplogKeysSortByClusterTime(@ForAll int s1, @ForAll int i1, @ForAll int s2, @ForAll int i2) {
    BsonTimestamp a = new BsonTimestamp(s1, i1);
    BsonTimestamp b = new BsonTimestamp(s2, i2);
    int actual = Arrays.compareUnsigned(KeyLayout.oplogKey(a), KeyLayout.oplogKey(b));
    assertThat(Integer.signum(actual)).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(KeyLayout.oplogTime(KeyLayout.oplogKey(a))).isEqualTo(a);
  }

  @Property
  void prefixEndBoundsEveryExtensionOfThePrefix(@ForAll byte[] prefix, @ForAll byte[] suffix) {
    byte[] end = KeyLayout.prefixEnd(prefix);
    byte[] key = Arrays.copyOf(prefix, prefix.length + suffix.length);
    System.arraycopy(suffix, 0, key, prefix.length, suffix.length);
    if (end == null) {
      for (byte b : prefix) {
        assertThat(b).isEqualTo((byte) 0xFF);
      }
      return;
    }
    assertThat(Arrays.compareUnsigned(key, end)).isNegative();
    assertThat(Arrays.compareUnsigned(prefix, end)).isNegative();
  }
}
