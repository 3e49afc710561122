package io.tributary.engine.bson;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** jqwik generators of BSON values of every type, biased towards collisions (equal numbers, shared prefixes). */
public final class BsonArbitraries {
  private BsonArbitraries() {}

  /** Any BSON value, nested up to {@code depth} levels of documents and arrays. */
  public static Arbitrary<BsonValue> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalars()),
        net.jqwik.api.Tuple.of(1, documents(depth - 1).map(d -> d)),
        net.jqwik.api.Tuple.of(1, arrays(depth - 1)));
  }

  public static Arbitrary<BsonDocument> documents(int depth) {
    return Arbitraries.maps(Arbitraries.of("a", "b", "c", "ab", ""), values(depth)).ofMaxSize(3)
        .map(map -> {
          BsonDocument document = new BsonDocument();
          map.forEach(document::append);
          return document;
        });
  }

  public static Arbitrary<BsonValue> arrays(int depth) {
    return values(depth).list().ofMaxSize(3).map(list -> new BsonArray(list));
  }

  public static Arbitrary<BsonValue> scalars() {
    return Arbitraries.oneOf(List.of(
        numbers(), numbers(), strings(), strings(), Arbitraries.of(BsonBoolean.TRUE, BsonBoolean.FALSE),
        Arbitraries.of(new BsonMinKey(), new BsonMaxKey(), BsonNull.VALUE, new BsonUndefined()),
        binaries(), objectIds(), dates(), timestamps(), regexes(), code()));
  }

  public static Arbitrary<BsonValue> numbers() {
    Arbitrary<Long> small = Arbitraries.longs().between(-3, 3);
    Arbitrary<Long> any = Arbitraries.longs();
    Arbitrary<Long> edge = Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, 1L << 53,
        -(1L << 53) - 1, 1L << 62, Integer.MAX_VALUE + 1L);
    Arbitrary<Long> longs = Arbitraries.oneOf(small, any, edge);
    Arbitrary<Double> doubles = Arbitraries.oneOf(
        Arbitraries.doubles(), small.map(Long::doubleValue), edge.map(Long::doubleValue),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.5, -0.5, 1e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 1.5));
    Arbitrary<Decimal128> decimals = Arbitraries.oneOf(
        longs.map(l -> new Decimal128(BigDecimal.valueOf(l))),
        small.map(l -> new Decimal128(new BigDecimal(l + ".50"))),
        Arbitraries.of(Decimal128.NaN, Decimal128.POSITIVE_INFINITY, Decimal128.NEGATIVE_INFINITY,
            Decimal128.NEGATIVE_ZERO, Decimal128.parse("1.0"), Decimal128.parse("0.1"), Decimal128.parse("1E+6000"),
            Decimal128.parse("-1E-6000"), Decimal128.parse("9.999999999999999999999999999999999E+6144")));
    return Arbitraries.oneOf(List.of(
        longs.map(l -> new BsonInt32(l.intValue())), longs.map(BsonInt64::new), doubles.map(BsonDouble::new),
        decimals.map(BsonDecimal128::new)));
  }

  public static Arbitrary<BsonValue> strings() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab\u0000\u00e9\uffff").ofMaxLength(4),
        Arbitraries.strings().all().ofMaxLength(3).filter(BsonArbitraries::wellFormed));
    return Arbitraries.oneOf(text.map(BsonString::new), text.map(BsonSymbol::new));
  }

  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
  }

  private static Arbitrary<BsonValue> binaries() {
    Arbitrary<byte[]> bytes = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3),
        Arbitraries.bytes().array(byte[].class).ofMinSize(254).ofMaxSize(256));
    return bytes.flatMap(data -> Arbitraries.of((byte) 0, (byte) 4, (byte) 0x80).map(t -> new BsonBinary(t, data)));
  }

  private static Arbitrary<BsonValue> objectIds() {
    return Arbitraries.bytes().array(byte[].class).ofSize(12).map(b -> new BsonObjectId(new ObjectId(b)));
  }

  private static Arbitrary<BsonValue> dates() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-2, 2)).map(BsonDateTime::new);
  }

  private static Arbitrary<BsonValue> timestamps() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-2, 2)).map(BsonTimestamp::new);
  }

  private static Arbitrary<BsonValue> regexes() {
    return Arbitraries.strings().withChars("ab").ofMaxLength(2)
        .flatMap(p -> Arbitraries.of("", "i", "im").map(o -> new BsonRegularExpression(p, o)));
  }

  private static Arbitrary<BsonValue> code() {
    return Arbitraries.strings().withChars("ab").ofMaxLength(2).flatMap(c -> Arbitraries.of(
        new BsonJavaScript(c), new BsonJavaScriptWithScope(c, new BsonDocument("x", new BsonInt32(1))),
        new BsonDbPointer(c, new ObjectId(new byte[12]))));
  }
}
