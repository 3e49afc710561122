package io.tributary.engine.bson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Order-preserving byte encoding of BSON values for keys: comparing two encodings as unsigned bytes gives the
 * same result as {@link BsonOrder#compare}, and values MongoDB treats as equal (1, 1L, 1.0, Decimal128 "1.0",
 * a string and the equal symbol) encode identically. A timestamp encodes as {@code 0x82} followed by its 8 bytes
 * big-endian (resume tokens rely on it). Stateless and thread-safe.
 *
 * <h2>Format</h2>
 *
 * Every value starts with a type byte; the brackets use MongoDB's KeyString type bytes ({@link TypeBracket}),
 * so byte order across types is {@link BsonOrder}'s. Every encoding is <em>prefix-free</em> (no encoding is a
 * proper prefix of another), which is what lets compound keys concatenate components and lets a descending
 * component simply be bit-inverted.
 *
 * <pre>
 * MinKey 0A | undefined 0F | null 14 | MaxKey F0                      (type byte only)
 * numbers: NaN 1E | -Infinity 1F | negative 20 ~(E, digits) | zero 29 | positive 2A E, digits | +Infinity 33
 *     a finite non-zero |v| = 0.d1d2..dn x 10^E with d1 != 0 and dn != 0 (exact: doubles and int64 are
 *     converted without rounding); E is 4 bytes big-endian with the sign bit flipped; the digits follow in
 *     pairs, one byte 1 + 10*a + b per pair (an odd last digit pairs with 0), then a 00 terminator.
 *     Negative numbers invert the bytes of their magnitude's encoding, reversing its order.
 * string, symbol 3C, UTF-8 bytes with 00 escaped as 00 FF, then 00 01
 * object 46, per field: bracket byte of the value, name (as a string body), value; then 00
 * array 50, the elements' encodings, then 00
 * binary 5A, length (1 byte, or FF + 4 bytes big-endian when &gt;= 255), subtype, bytes
 * ObjectId 64 + 12 bytes | false 6E | true 6F | date 78 + 8 bytes big-endian with the sign bit flipped
 * timestamp 82 + 8 bytes big-endian (seconds, increment)
 * regex 8C, pattern, options (string bodies) | DBPointer 96, namespace length (4 bytes), namespace, 12 bytes
 * code A0, code (string body) | code with scope AA, code, scope (object body)
 * </pre>
 *
 * A string body ends with {@code 00 01}, never produced by an escaped {@code 00 FF}, so it is prefix-free and
 * shorter strings still sort first. The number format canonicalises the value, so MongoDB-equal numbers of
 * different types share one key. Integers (int32, int64 and doubles holding an integer) take a fast path
 * computing the same bytes without {@link BigDecimal}: they are most keys ({@code _id}s, counters).
 */
public final class KeyCodec {
  private static final int NAN = 0x1E;
  private static final int NEGATIVE_INFINITY = 0x1F;
  private static final int NEGATIVE = 0x20;
  private static final int ZERO = 0x29;
  private static final int POSITIVE = 0x2A;
  private static final int POSITIVE_INFINITY = 0x33;
  private static final int FALSE = 0x6E;
  private static final int TRUE = 0x6F;
  private static final int END = 0x00;

  private KeyCodec() {}

  public static byte[] encode(BsonValue value) {
    KeyBytes out = new KeyBytes();
    writeValue(out, value);
    return out.toByteArray();
  }

  /** A number's encoding through its exact {@link BigDecimal} value: what the integer fast path must equal. */
  static byte[] encodeExact(BsonValue number) {
    KeyBytes out = new KeyBytes();
    writeNumber(out, Numbers.Exact.of(number));
    return out.toByteArray();
  }

  /**
   * A compound key: the components' encodings concatenated, each descending component bit-inverted so that
   * byte order sorts it in reverse.
   */
  public static byte[] encode(List<BsonValue> values, List<Boolean> descending) {
    if (values.size() != descending.size()) {
      throw new IllegalArgumentException("one direction per key component is needed");
    }
    KeyBytes out = new KeyBytes();
    for (int i = 0; i < values.size(); i++) {
      int start = out.size();
      writeValue(out, values.get(i));
      if (descending.get(i)) {
        out.invertFrom(start);
      }
    }
    return out.toByteArray();
  }

  private static void writeValue(KeyBytes out, BsonValue value) {
    TypeBracket bracket = TypeBracket.of(value);
    switch (bracket) {
      case NUMBER -> writeNumber(out, value);
      case STRING -> writeWithBody(out, bracket, TypeBracket.stringOf(value));
      case OBJECT -> {
        out.write(bracket.keyByte());
        writeDocumentBody(out, value.asDocument());
      }
      case ARRAY -> {
        out.write(bracket.keyByte());
        value.asArray().forEach(element -> writeValue(out, element));
        out.write(END);
      }
      case BINARY -> writeBinary(out, value.asBinary());
      case OBJECT_ID -> {
        out.write(bracket.keyByte());
        out.writeBytes(value.asObjectId().getValue().toByteArray());
      }
      case BOOLEAN -> out.write(value.asBoolean().getValue() ? TRUE : FALSE);
      case DATE -> writeLong(out, bracket, value.asDateTime().getValue() ^ Long.MIN_VALUE);
      case TIMESTAMP -> writeLong(out, bracket, value.asTimestamp().getValue());
      case REGEX -> {
        writeWithBody(out, bracket, value.asRegularExpression().getPattern());
        writeStringBody(out, value.asRegularExpression().getOptions());
      }
      case DB_POINTER -> writeDbPointer(out, value);
      case CODE -> writeWithBody(out, bracket, value.asJavaScript().getCode());
      case CODE_WITH_SCOPE -> {
        writeWithBody(out, bracket, value.asJavaScriptWithScope().getCode());
        writeDocumentBody(out, value.asJavaScriptWithScope().getScope());
      }
      default -> out.write(bracket.keyByte()); // MinKey, undefined, null, MaxKey
    }
  }

  private static void writeDocumentBody(KeyBytes out, BsonDocument document) {
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      out.write(TypeBracket.of(field.getValue()).keyByte());
      writeStringBody(out, field.getKey());
      writeValue(out, field.getValue());
    }
    out.write(END);
  }

  private static void writeWithBody(KeyBytes out, TypeBracket bracket, String body) {
    out.write(bracket.keyByte());
    writeStringBody(out, body);
  }

  private static void writeStringBody(KeyBytes out, String value) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0x00);
    out.write(0x01);
  }

  private static void writeBinary(KeyBytes out, BsonBinary binary) {
    out.write(TypeBracket.BINARY.keyByte());
    int length = binary.getData().length;
    if (length < 0xFF) {
      out.write(length);
    } else {
      out.write(0xFF);
      writeInt(out, length);
    }
    out.write(binary.getType());
    out.writeBytes(binary.getData());
  }

  private static void writeDbPointer(KeyBytes out, BsonValue value) {
    out.write(TypeBracket.DB_POINTER.keyByte());
    byte[] namespace = value.asDBPointer().getNamespace().getBytes(StandardCharsets.UTF_8);
    writeInt(out, namespace.length);
    out.writeBytes(namespace);
    out.writeBytes(value.asDBPointer().getId().toByteArray());
  }

  private static void writeNumber(KeyBytes out, Numbers.Exact number) {
    switch (number.rank()) {
      case Numbers.Exact.NAN -> out.write(NAN);
      case Numbers.Exact.NEGATIVE_INFINITY -> out.write(NEGATIVE_INFINITY);
      case Numbers.Exact.POSITIVE_INFINITY -> out.write(POSITIVE_INFINITY);
      default -> writeFinite(out, number.finite());
    }
  }

  /** Integers (int32, int64, a double holding an integer of the int64 range) take the fast path. */
  private static void writeNumber(KeyBytes out, BsonValue number) {
    if (number.isInt32() || number.isInt64()) {
      writeInteger(out, number.asNumber().longValue());
      return;
    }
    double value = number.isDouble() ? number.asDouble().getValue() : Double.NaN;
    if (value == Math.rint(value) && value >= -0x1p63 && value < 0x1p63) {
      writeInteger(out, (long) value);
    } else {
      writeNumber(out, Numbers.Exact.of(number));
    }
  }

  /** {@link #writeFinite(KeyBytes, BigDecimal)} of an integer, without {@link BigDecimal}. */
  private static void writeInteger(KeyBytes out, long value) {
    if (value == 0) {
      out.write(ZERO);
      return;
    }
    if (value == Long.MIN_VALUE) { // no long holds its magnitude; it has no trailing zero to strip
      writeFinite(out, BigDecimal.valueOf(value));
      return;
    }
    long significand = Math.abs(value);
    int trailingZeros = 0;
    while (significand % 10 == 0) {
      significand /= 10;
      trailingZeros++;
    }
    String digits = Long.toString(significand);
    writeFinite(out, value < 0, digits, digits.length() + trailingZeros);
  }

  /** A finite number already stripped of trailing zeros. */
  private static void writeFinite(KeyBytes out, BigDecimal value) {
    if (value.signum() == 0) {
      out.write(ZERO);
      return;
    }
    String digits = value.unscaledValue().abs().toString();
    writeFinite(out, value.signum() < 0, digits, digits.length() - value.scale());
  }

  /**
   * The sign byte, then the magnitude 0.{@code digits} x 10^{@code exponent} ({@code digits} without trailing
   * zeros): the exponent and the base-100 digits, bit-inverted for a negative number.
   */
  private static void writeFinite(KeyBytes out, boolean negative, String digits, int exponent) {
    out.write(negative ? NEGATIVE : POSITIVE);
    int magnitude = out.size();
    writeInt(out, exponent ^ Integer.MIN_VALUE);
    for (int i = 0; i < digits.length(); i += 2) {
      int high = digits.charAt(i) - '0';
      int low = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      out.write(1 + 10 * high + low);
    }
    out.write(END);
    if (negative) {
      out.invertFrom(magnitude);
    }
  }

  private static void writeLong(KeyBytes out, TypeBracket bracket, long value) {
    out.write(bracket.keyByte());
    writeInt(out, (int) (value >>> 32));
    writeInt(out, (int) value);
  }

  private static void writeInt(KeyBytes out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  /**
   * A growable byte array: {@link java.io.ByteArrayOutputStream} without its per-byte lock, which costs on every
   * byte since the JDK has no biased locking.
   */
  private static final class KeyBytes {
    private byte[] bytes = new byte[32];
    private int size;

    int size() {
      return size;
    }

    void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    void writeBytes(byte[] more) {
      if (size + more.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + more.length));
      }
      System.arraycopy(more, 0, bytes, size, more.length);
      size += more.length;
    }

    /** Inverts the bits of the bytes from {@code start} on: a descending component, or a negative magnitude. */
    void invertFrom(int start) {
      for (int i = start; i < size; i++) {
        bytes[i] = (byte) ~bytes[i];
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
