package io.tributary.engine.bson;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
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
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Decodes well-formed BSON of the common types straight into a {@link BsonDocument}, without the BSON library's
 * reader state machine and codec lookups (requests and stored documents are decoded on every command). It yields
 * the very values the library's {@code BsonDocumentCodec} does, and declines (null) anything else: another type,
 * an old-style binary, a boolean byte other than 0 or 1, or bytes that are not exactly one well-formed document.
 * The caller then decodes with the library, which reports malformed input its own way. Stateless, thread-safe.
 */
public final class BsonDocumentDecoder {
  private static final int MIN_DOCUMENT_SIZE = 5;
  private static final int OBJECT_ID_BYTES = 12;
  private static final byte OLD_BINARY = 2;

  private final byte[] bytes;
  private int position;

  private BsonDocumentDecoder(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The document that is all of {@code bytes}, or null when the BSON library must decode them. */
  public static BsonDocument decode(byte[] bytes) {
    BsonDocumentDecoder decoder = new BsonDocumentDecoder(bytes);
    try {
      BsonDocument document = decoder.document();
      return decoder.position == bytes.length ? document : null;
    } catch (Declined | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private BsonDocument document() {
    int end = start();
    BsonDocument document = new BsonDocument();
    for (byte type = bytes[position++]; type != 0; type = bytes[position++]) {
      String name = cString();
      document.put(name, value(type));
    }
    return finish(end, document);
  }

  private BsonArray array() {
    int end = start();
    List<BsonValue> values = new ArrayList<>();
    for (byte type = bytes[position++]; type != 0; type = bytes[position++]) {
      skipCString(); // the library ignores element names too
      values.add(value(type));
    }
    return finish(end, new BsonArray(values));
  }

  /** Reads a document's size and returns where it must end. */
  private int start() {
    int size = int32();
    if (size < MIN_DOCUMENT_SIZE) {
      throw new Declined();
    }
    return position - 4 + size;
  }

  private <T> T finish(int end, T value) {
    if (position != end) {
      throw new Declined();
    }
    return value;
  }

  private BsonValue value(byte type) {
    switch (type) {
      case 0x01: return new BsonDouble(Double.longBitsToDouble(int64()));
      case 0x02: return new BsonString(string());
      case 0x03: return document();
      case 0x04: return array();
      case 0x05: return binary();
      case 0x07: return new BsonObjectId(new ObjectId(slice(OBJECT_ID_BYTES)));
      case 0x08: return bool();
      case 0x09: return new BsonDateTime(int64());
      case 0x0A: return BsonNull.VALUE;
      case 0x10: return new BsonInt32(int32());
      case 0x11: return new BsonTimestamp(int64());
      case 0x12: return new BsonInt64(int64());
      case 0x13: {
        long low = int64();
        return new BsonDecimal128(Decimal128.fromIEEE754BIDEncoding(int64(), low));
      }
      case (byte) 0xFF: return new BsonMinKey();
      case 0x7F: return new BsonMaxKey();
      default: throw new Declined(); // rarer types: the library's
    }
  }

  private BsonBinary binary() {
    int length = int32();
    byte subtype = bytes[position++];
    if (length < 0 || subtype == OLD_BINARY) {
      throw new Declined();
    }
    return new BsonBinary(subtype, slice(length));
  }

  private BsonBoolean bool() {
    byte value = bytes[position++];
    if (value != 0 && value != 1) {
      throw new Declined();
    }
    return BsonBoolean.valueOf(value == 1);
  }

  private String string() {
    int size = int32();
    if (size < 1 || size > bytes.length - position || bytes[position + size - 1] != 0) {
      throw new Declined();
    }
    String value = new String(bytes, position, size - 1, UTF_8);
    position += size;
    return value;
  }

  private String cString() {
    int end = terminator();
    String value = new String(bytes, position, end - position, UTF_8);
    position = end + 1;
    return value;
  }

  private void skipCString() {
    position = terminator() + 1;
  }

  private int terminator() {
    int end = position;
    while (bytes[end] != 0) {
      end++;
    }
    return end;
  }

  private byte[] slice(int length) {
    if (length > bytes.length - position) {
      throw new Declined();
    }
    byte[] slice = new byte[length];
    System.arraycopy(bytes, position, slice, 0, length);
    position += length;
    return slice;
  }

  private int int32() {
    int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8 | (bytes[position + 2] & 0xFF) << 16
        | (bytes[position + 3] & 0xFF) << 24;
    position += 4;
    return value;
  }

  private long int64() {
    long low = int32() & 0xFFFFFFFFL;
    return low | (long) int32() << 32;
  }

  /** Bytes this decoder leaves to the library; no stack trace, as it is expected. */
  private static final class Declined extends RuntimeException {
    Declined() {
      super(null, null, false, false);
    }
  }
}
