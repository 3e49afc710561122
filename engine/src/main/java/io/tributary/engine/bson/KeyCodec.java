package io.tributary.engine.bson;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * different types share one key.
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeValue(out, value);
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < values.size(); i++) {
      byte[] component = encode(values.get(i));
      if (descending.get(i)) {
        invert(component);
      }
      out.writeBytes(component);
    }
    return out.toByteArray();
  }

  private static void writeValue(ByteArrayOutputStream out, BsonValue value) {
    TypeBracket bracket = TypeBracket.of(value);
    switch (bracket) {
      case NUMBER -> writeNumber(out, Numbers.Exact.of(value));
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

  private static void writeDocumentBody(ByteArrayOutputStream out, BsonDocument document) {
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      out.write(TypeBracket.of(field.getValue()).keyByte());
      writeStringBody(out, field.getKey());
      writeValue(out, field.getValue());
    }
    out.write(END);
  }

  private static void writeWithBody(ByteArrayOutputStream out, TypeBracket bracket, String body) {
    out.write(bracket.keyByte());
    writeStringBody(out, body);
  }

  private static void writeStringBody(ByteArrayOutputStream out, String value) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0x00);
    out.write(0x01);
  }

  private static void writeBinary(ByteArrayOutputStream out, BsonBinary binary) {
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

  private static void writeDbPointer(ByteArrayOutputStream out, BsonValue value) {
    out.write(TypeBracket.DB_POINTER.keyByte());
    byte[] namespace = value.asDBPointer().getNamespace().getBytes(StandardCharsets.UTF_8);
    writeInt(out, namespace.length);
    out.writeBytes(namespace);
    out.writeBytes(value.asDBPointer().getId().toByteArray());
  }

  private static void writeNumber(ByteArrayOutputStream out, Numbers.Exact number) {
    switch (number.rank()) {
      case Numbers.Exact.NAN -> out.write(NAN);
      case Numbers.Exact.NEGATIVE_INFINITY -> out.write(NEGATIVE_INFINITY);
      case Numbers.Exact.POSITIVE_INFINITY -> out.write(POSITIVE_INFINITY);
      default -> writeFinite(out, number.finite());
    }
  }

  private static void writeFinite(ByteArrayOutputStream out, BigDecimal value) {
    if (value.signum() == 0) {
      out.write(ZERO);
      return;
    }
    byte[] magnitude = magnitude(value.abs());
    if (value.signum() < 0) {
      out.write(NEGATIVE);
      invert(magnitude);
    } else {
      out.write(POSITIVE);
    }
    out.writeBytes(magnitude);
  }

  /** Exponent and base-100 digits of a positive value already stripped of trailing zeros. */
  private static byte[] magnitude(BigDecimal value) {
    String digits = value.unscaledValue().toString();
    int exponent = digits.length() - value.scale();
    ByteArrayOutputStream out = new ByteArrayOutputStream(6 + digits.length() / 2);
    writeInt(out, exponent ^ Integer.MIN_VALUE);
    for (int i = 0; i < digits.length(); i += 2) {
      int high = digits.charAt(i) - '0';
      int low = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      out.write(1 + 10 * high + low);
    }
    out.write(END);
    return out.toByteArray();
  }

  private static void writeLong(ByteArrayOutputStream out, TypeBracket bracket, long value) {
    out.write(bracket.keyByte());
    writeInt(out, (int) (value >>> 32));
    writeInt(out, (int) value);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static void invert(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
  }
}
