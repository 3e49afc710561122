package io.tributary.engine.bson;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonDecimal128;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  @Provide
  Arbitrary<BsonValue> values() {
    return BsonArbitraries.values(2);
  }

  @Provide
  Arbitrary<BsonValue> numbers() {
    return BsonArbitraries.numbers();
  }

  @Property(tries = 3000)
  void byteOrderIsBsonOrder(@ForAll("values") BsonValue a, @ForAll("values") BsonValue b) {
    assertThat(Integer.signum(Arrays.compareUnsigned(KeyCodec.encode(a), KeyCodec.encode(b))))
        .isEqualTo(Integer.signum(BsonOrder.compare(a, b)));
  }

  @Property(tries = 3000)
  void byteOrderIsNumericOrder(@ForAll("numbers") BsonValue a, @ForAll("numbers") BsonValue b) {
    assertThat(Integer.signum(Arrays.compareUnsigned(KeyCodec.encode(a), KeyCodec.encode(b))))
        .isEqualTo(Integer.signum(BsonOrder.compare(a, b)));
  }

  @Property(tries = 2000)
  void compoundKeysOrderComponentWiseWithDirections(
      @ForAll("values") BsonValue a1, @ForAll("values") BsonValue a2,
      @ForAll("values") BsonValue b1, @ForAll("values") BsonValue b2,
      @ForAll boolean firstDescending, @ForAll boolean secondDescending) {
    List<Boolean> directions = List.of(firstDescending, secondDescending);
    int expected = BsonOrder.compare(a1, b1) * (firstDescending ? -1 : 1);
    if (expected == 0) {
      expected = BsonOrder.compare(a2, b2) * (secondDescending ? -1 : 1);
    }
    int actual = Arrays.compareUnsigned(
        KeyCodec.encode(List.of(a1, a2), directions), KeyCodec.encode(List.of(b1, b2), directions));
    assertThat(Integer.signum(actual)).isEqualTo(Integer.signum(expected));
  }

  @Provide
  Arbitrary<BsonValue> integers() {
    Arbitrary<Long> significands = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-999, 999));
    Arbitrary<Long> longs = Arbitraries.oneOf(significands,
        Combinators.combine(Arbitraries.longs().between(-99, 99), Arbitraries.integers().between(0, 18))
            .as((significand, zeros) -> significand * (long) Math.pow(10, zeros)),
        Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE,
            1_000_000_000_000_000_000L, -(1L << 53) - 1));
    Arbitrary<Double> doubles = Arbitraries.oneOf(longs.map(Long::doubleValue),
        Arbitraries.doubles().between(-1e20, 1e20).map(Math::rint),
        Arbitraries.of(-0.0, 0x1p63, -0x1p63, Math.nextDown(0x1p63), 1e300, -1e300, 0.5, Double.NaN,
            Double.NEGATIVE_INFINITY));
    return Arbitraries.oneOf(longs.map(l -> new BsonInt32(l.intValue())), longs.map(BsonInt64::new),
        doubles.map(BsonDouble::new));
  }

  @Property(tries = 5000)
  void integerFastPathEncodesAsTheExactValue(@ForAll("integers") BsonValue number) {
    assertThat(KeyCodec.encode(number)).isEqualTo(KeyCodec.encodeExact(number));
  }

  @Test
  void integerKeysKeepTheirStoredBytes() {
    assertThat(hex(new BsonInt32(100))).isEqualTo("2a800000030b00");
    assertThat(hex(new BsonInt32(-100))).isEqualTo("207ffffffcf4ff");
    assertThat(hex(new BsonInt64(12345))).isEqualTo("2a800000050d233300");
    assertThat(hex(new BsonInt32(-1))).isEqualTo("207ffffffef4ff");
    assertThat(hex(new BsonInt64(Long.MAX_VALUE))).isEqualTo("2a800000135d1826152556304c514700");
    assertThat(hex(new BsonInt64(Long.MIN_VALUE))).isEqualTo("207fffffeca2e7d9eadaa9cfb3aeaeff");
    assertThat(hex(new BsonDouble(1e18))).isEqualTo("2a800000130b00");
    assertThat(hex(new BsonDouble(-2.5e15))).isEqualTo("207fffffefe5ff");
  }

  private static String hex(BsonValue value) {
    return HexFormat.of().formatHex(KeyCodec.encode(value));
  }

  @Test
  void equalNumbersShareOneEncoding() {
    byte[] one = KeyCodec.encode(new BsonInt32(1));
    assertThat(KeyCodec.encode(new BsonInt64(1))).isEqualTo(one);
    assertThat(KeyCodec.encode(new BsonDouble(1.0))).isEqualTo(one);
    assertThat(KeyCodec.encode(new BsonDecimal128(Decimal128.parse("1.0")))).isEqualTo(one);
    assertThat(KeyCodec.encode(new BsonDecimal128(Decimal128.parse("-0E+5"))))
        .isEqualTo(KeyCodec.encode(new BsonDouble(-0.0)));
    assertThat(KeyCodec.encode(new BsonSymbol("x"))).isEqualTo(KeyCodec.encode(new BsonString("x")));
  }

  @Test
  void distinguishesLongsBeyondDoublePrecision() {
    long big = (1L << 53) + 1;
    assertThat(KeyCodec.encode(new BsonInt64(big))).isNotEqualTo(KeyCodec.encode(new BsonDouble(big)));
    assertThat(KeyCodec.encode(new BsonInt64(big)))
        .isEqualTo(KeyCodec.encode(new BsonDecimal128(new Decimal128(BigDecimal.valueOf(big)))));
  }

  @Test
  void timestampIsTypeByte82ThenEightBytesBigEndian() {
    byte[] key = KeyCodec.encode(new BsonTimestamp(1659039316, 2));
    assertThat(HexFormat.of().formatHex(key)).isEqualTo("8262e2ee5400000002");
  }

  @Test
  void stringsAreSelfDelimitingInCompoundKeys() {
    List<Boolean> ascending = List.of(false, false);
    byte[] shorter = KeyCodec.encode(List.of(new BsonString("a"), new BsonString("z")), ascending);
    byte[] longer = KeyCodec.encode(List.of(new BsonString("a\u0000"), new BsonString("a")), ascending);
    assertThat(Arrays.compareUnsigned(shorter, longer)).isNegative();
  }
}
