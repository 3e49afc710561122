package io.tributary.engine.changestream;

import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * A change stream resume token: the {@code _id} of every change event and the {@code postBatchResumeToken} of
 * every batch, sent to clients as {@code {_data: "<UPPERCASE HEX>"}}. Immutable and thread-safe.
 *
 * <p>Implementation notes. The bytes follow the layout of MongoDB's v2 KeyString tokens (reference §2.2) so that
 * tools reading the {@code 82 <8-byte big-endian timestamp>} prefix keep working, and so that tokens compare as
 * unsigned bytes, hence as hex strings, in stream order:
 * <pre>
 *   82 ts(8) | 2B 04 (version 2) | tokenType: 29 (0, high-water mark) or 2C 01 00 (128, event)
 *   | int txnOpIndex | 6E/6F fromInvalidate | 14 (null) or 5A 10 04 uuid(16)
 *   | [eventIdentifier as KeyCodec bytes] | [int fragmentNum] | 04
 * </pre>
 * A high-water mark at T sorts before every event at T because 0x29 &lt; 0x2C; an invalidate sorts right after its
 * triggering event because only the {@code fromInvalidate} byte differs. Only the fixed prefix is decoded: the
 * identity of an event is checked on resume by comparing whole tokens for equality.
 */
public final class ResumeToken implements Comparable<ResumeToken> {
  private static final int TIMESTAMP = 0x82;
  private static final int VERSION = 2;
  private static final int EVENT_TOKEN_TYPE = 128;
  private static final int ZERO = 0x29;
  private static final int FALSE = 0x6E;
  private static final int TRUE = 0x6F;
  private static final int NULL = 0x14;
  private static final int BIN_DATA = 0x5A;
  private static final int END = 0x04;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final byte[] data;
  private final BsonTimestamp clusterTime;
  private final boolean highWaterMark;
  private final int txnOpIndex;
  private final boolean fromInvalidate;
  private final UUID uuid;
  /** {@code _data}, encoded on first use: a token is sent many times (every stream's batch). Racy but benign. */
  private String hex;

  private ResumeToken(byte[] data) {
    this.data = data;
    ByteBuffer in = ByteBuffer.wrap(data);
    expect(in, TIMESTAMP, "clusterTime");
    clusterTime = new BsonTimestamp(in.getLong());
    if (readInt(in) != VERSION) {
      throw invalid("unsupported version");
    }
    int tokenType = readInt(in);
    if (tokenType != 0 && tokenType != EVENT_TOKEN_TYPE) {
      throw invalid("unknown token type " + tokenType);
    }
    highWaterMark = tokenType == 0;
    txnOpIndex = readInt(in);
    fromInvalidate = readBoolean(in);
    uuid = readUuid(in);
    if (highWaterMark && (in.remaining() != 1 || in.get() != END)) {
      throw invalid("malformed high-water-mark token");
    }
  }

  /** "Everything before {@code clusterTime} has been delivered": resuming from it returns events at or after it. */
  public static ResumeToken highWaterMark(BsonTimestamp clusterTime) {
    Writer out = new Writer(clusterTime, 0, 0, false, null);
    out.write(END);
    return new ResumeToken(out.toByteArray());
  }

  /**
   * The token of one event.
   *
   * @param eventIdentifier {@code {operationType, documentKey}} for document events, {@code {operationType,
   *     operationDescription}} for the others
   * @param fragmentNum the 0-based fragment of a split event, or null
   */
  public static ResumeToken event(BsonTimestamp clusterTime, int txnOpIndex, boolean fromInvalidate, UUID uuid,
      BsonDocument eventIdentifier, Integer fragmentNum) {
    Writer out = new Writer(clusterTime, EVENT_TOKEN_TYPE, txnOpIndex, fromInvalidate, uuid);
    out.writeBytes(KeyCodec.encode(eventIdentifier));
    if (fragmentNum != null) {
      out.writeInt(fragmentNum);
    }
    out.write(END);
    return new ResumeToken(out.toByteArray());
  }

  /**
   * Parses a token a client sent back ({@code resumeAfter}, {@code startAfter}). Fails with MongoDB's codes:
   * 40647 for a missing or non-string {@code _data}, 40648 for a {@code _typeBits} that is not BinData subtype 0,
   * 40649 for other fields, FailedToParse for bad hex, 50795 for bytes that are not a token.
   */
  public static ResumeToken parse(BsonDocument token) {
    BsonValue hex = token.get("_data");
    if (hex == null || !hex.isString()) {
      throw ErrorCode.location(40647).error("Bad resume token: _data of missing or of wrong type. Expected string, got "
          + (hex == null ? "missing" : hex.getBsonType()));
    }
    BsonValue typeBits = token.get("_typeBits");
    if (typeBits != null && !(typeBits.isBinary()
        && typeBits.asBinary().getType() == BsonBinarySubType.BINARY.getValue())) {
      throw ErrorCode.location(40648).error("Bad resume token: _typeBits of wrong type " + typeBits.getBsonType());
    }
    for (String field : token.keySet()) {
      if (!field.equals("_data") && !field.equals("_typeBits")) {
        throw ErrorCode.location(40649).error("Bad resume token: unexpected field " + field);
      }
    }
    return new ResumeToken(decodeHex(hex.asString().getValue()));
  }

  private static byte[] decodeHex(String hex) {
    if (hex.isEmpty()) {
      throw invalid("empty resume token");
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.FAILED_TO_PARSE.error("Bad resume token: _data is not a hex string: " + e.getMessage());
    }
  }

  /** The token of fragment {@code fragmentNum} (0-based) of this event, when it is split. */
  public ResumeToken fragment(int fragmentNum) {
    if (highWaterMark) {
      throw new IllegalStateException("a high-water mark has no fragments");
    }
    Writer out = new Writer();
    out.write(data, 0, data.length - 1);
    out.writeInt(fragmentNum);
    out.write(END);
    return new ResumeToken(out.toByteArray());
  }

  public BsonDocument toBson() {
    String encoded = hex;
    if (encoded == null) {
      encoded = HEX.formatHex(data);
      hex = encoded; // a String is safely published through its final fields
    }
    return new BsonDocument("_data", new BsonString(encoded));
  }

  public BsonTimestamp clusterTime() {
    return clusterTime;
  }

  public boolean isHighWaterMark() {
    return highWaterMark;
  }

  public int txnOpIndex() {
    return txnOpIndex;
  }

  public boolean fromInvalidate() {
    return fromInvalidate;
  }

  /** The collection UUID of the event, or null. */
  public UUID uuid() {
    return uuid;
  }

  /** True when this is a fragment token of the (unsplit) event {@code whole}. */
  public boolean isFragmentOf(ResumeToken whole) {
    int prefix = whole.data.length - 1;
    return data.length > whole.data.length && Arrays.equals(data, 0, prefix, whole.data, 0, prefix);
  }

  @Override
  public int compareTo(ResumeToken other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResumeToken token && Arrays.equals(data, token.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return toBson().toJson();
  }

  private static void expect(ByteBuffer in, int type, String what) {
    if (!in.hasRemaining() || (in.get() & 0xFF) != type) {
      throw invalid("expected " + what);
    }
    if (in.remaining() < Long.BYTES) {
      throw invalid("truncated " + what);
    }
  }

  /** KeyString's positive integers: 0x29 for zero, else 0x2A + n bytes, then the value shifted left by one. */
  private static int readInt(ByteBuffer in) {
    int type = in.hasRemaining() ? in.get() & 0xFF : -1;
    if (type == ZERO) {
      return 0;
    }
    int length = type - 0x2A;
    if (length < 1 || length > 5 || in.remaining() < length) {
      throw invalid("expected an integer");
    }
    long shifted = 0;
    for (int i = 0; i < length; i++) {
      shifted = (shifted << 8) | (in.get() & 0xFF);
    }
    return (int) (shifted >>> 1);
  }

  private static boolean readBoolean(ByteBuffer in) {
    int b = in.hasRemaining() ? in.get() & 0xFF : -1;
    if (b != FALSE && b != TRUE) {
      throw invalid("expected fromInvalidate");
    }
    return b == TRUE;
  }

  private static UUID readUuid(ByteBuffer in) {
    int type = in.hasRemaining() ? in.get() & 0xFF : -1;
    if (type == NULL) {
      return null;
    }
    if (type != BIN_DATA || in.remaining() < 18 || in.get() != 16 || in.get() != 4) {
      throw invalid("expected a UUID");
    }
    return new UUID(in.getLong(), in.getLong());
  }

  private static RuntimeException invalid(String why) {
    return ErrorCode.location(50795).error("Invalid resume token: " + why);
  }

  /** Writes the fixed prefix shared by every token. */
  private static final class Writer extends ByteArrayOutputStream {
    Writer() {}

    Writer(BsonTimestamp clusterTime, int tokenType, int txnOpIndex, boolean fromInvalidate, UUID uuid) {
      write(TIMESTAMP);
      writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(clusterTime.getValue()).array());
      writeInt(VERSION);
      writeInt(tokenType);
      writeInt(txnOpIndex);
      write(fromInvalidate ? TRUE : FALSE);
      if (uuid == null) {
        write(NULL);
      } else {
        write(BIN_DATA);
        write(16);
        write(4);
        writeBytes(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits()).array());
      }
    }

    void writeInt(int value) {
      if (value == 0) {
        write(ZERO);
        return;
      }
      long shifted = ((long) value) << 1;
      int length = (Long.SIZE - Long.numberOfLeadingZeros(shifted) + 7) / 8;
      write(0x2A + length);
      for (int i = length - 1; i >= 0; i--) {
        write((int) (shifted >>> (8 * i)));
      }
    }
  }
}
