package io.tributary.engine.bson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class BsonOrderTest {

  @Provide
  Arbitrary<BsonValue> values() {
    return BsonArbitraries.values(2);
  }

  @Property(tries = 2000)
  void antisymmetric(@ForAll("values") BsonValue a, @ForAll("values") BsonValue b) {
    assertThat(Integer.signum(BsonOrder.compare(a, b))).isEqualTo(-Integer.signum(BsonOrder.compare(b, a)));
  }

  @Property(tries = 2000)
  void transitive(@ForAll("values") BsonValue a, @ForAll("values") BsonValue b, @ForAll("values") BsonValue c) {
    List<BsonValue> sorted = new ArrayList<>(List.of(a, b, c));
    sorted.sort(BsonOrder.COMPARATOR);
    assertThat(BsonOrder.compare(sorted.get(0), sorted.get(1))).isLessThanOrEqualTo(0);
    assertThat(BsonOrder.compare(sorted.get(1), sorted.get(2))).isLessThanOrEqualTo(0);
    assertThat(BsonOrder.compare(sorted.get(0), sorted.get(2))).isLessThanOrEqualTo(0);
  }

  @Property(tries = 500)
  void reflexive(@ForAll("values") BsonValue a) {
    assertThat(BsonOrder.compare(a, a)).isZero();
  }

  @Test
  void ordersTypeBracketsAsTheManualSays() {
    List<BsonValue> ascending = List.of(new BsonMinKey(), BsonNull.VALUE, new BsonDouble(Double.NaN),
        new BsonInt32(-5), new BsonString(""), new BsonDocument(), new BsonArray(), new BsonBinary(new byte[0]),
        new BsonObjectId(), BsonBoolean.FALSE, BsonBoolean.TRUE, new BsonDateTime(0), new BsonTimestamp(0),
        new BsonRegularExpression("a"), new BsonMaxKey());
    for (int i = 1; i < ascending.size(); i++) {
      assertThat(BsonOrder.compare(ascending.get(i - 1), ascending.get(i))).as("%s", ascending.get(i)).isNegative();
    }
  }

  @Test
  void comparesNumbersByExactValue() {
    assertThat(BsonOrder.equal(new BsonInt32(1), new BsonDouble(1.0))).isTrue();
    assertThat(BsonOrder.equal(new BsonInt64(1), new BsonDecimal128(Decimal128.parse("1.000")))).isTrue();
    assertThat(BsonOrder.equal(new BsonDouble(-0.0), new BsonInt32(0))).isTrue();
    long big = (1L << 53) + 1;
    assertThat(BsonOrder.compare(new BsonInt64(big), new BsonDouble((double) big))).isPositive();
    assertThat(BsonOrder.compare(new BsonInt64(Long.MAX_VALUE), new BsonDouble(9.223372036854775807E18)))
        .isNegative();
    assertThat(BsonOrder.compare(new BsonDouble(Double.NaN), new BsonDouble(Double.NEGATIVE_INFINITY)))
        .isNegative();
    assertThat(BsonOrder.equal(new BsonDouble(Double.NaN), new BsonDecimal128(Decimal128.NaN))).isTrue();
    assertThat(BsonOrder.compare(new BsonDecimal128(Decimal128.parse("0.1")), new BsonDouble(0.1))).isNegative();
  }

  @Test
  void comparesStringsInUtf8OrderAndSymbolsAsStrings() {
    assertThat(BsonOrder.compare(new BsonString("\uffff"), new BsonString("\ud83d\ude00"))).isNegative();
    assertThat(BsonOrder.compare(new BsonString("a"), new BsonString("ab"))).isNegative();
    assertThat(BsonOrder.compare(new BsonString("B"), new BsonString("a"))).isNegative();
    assertThat(BsonOrder.equal(new BsonSymbol("x"), new BsonString("x"))).isTrue();
  }

  @Test
  void comparesDocumentsByTypeThenNameThenValue() {
    BsonDocument numberFirst = new BsonDocument("z", new BsonInt32(1));
    BsonDocument stringFirst = new BsonDocument("a", new BsonString("x"));
    assertThat(BsonOrder.compare(numberFirst, stringFirst)).isNegative();
    assertThat(BsonOrder.compare(new BsonDocument("a", new BsonInt32(2)), new BsonDocument("b", new BsonInt32(1))))
        .isNegative();
    assertThat(BsonOrder.compare(new BsonDocument(), new BsonDocument("a", BsonNull.VALUE))).isNegative();
  }

  @Test
  void comparesBinaryByLengthFirst() {
    BsonBinary shortHigh = new BsonBinary(new byte[] {(byte) 0xFF});
    BsonBinary longLow = new BsonBinary(new byte[] {0, 0});
    assertThat(BsonOrder.compare(shortHigh, longLow)).isNegative();
    assertThat(BsonOrder.compare(new BsonBinary((byte) 0, new byte[1]), new BsonBinary((byte) 5, new byte[1])))
        .isNegative();
  }
}
