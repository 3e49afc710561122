package io.tributary.server.wire;

import io.netty.buffer.ByteBuf;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * Decodes an OP_MSG body (spec: OP_MSG.md). Implementation notes:
 * <ul>
 *   <li>Flag bits 0-15 are "required": an unknown one makes the message unreadable, so (like mongod's
 *       {@code IllegalOpMsgFlag}, a connection-fatal error) the connection is closed. Bits 16-31 are optional
 *       and ignored ({@code exhaustAllowed} included: Tributary never streams replies).
 *   <li>With {@code checksumPresent}, the last four bytes are the CRC-32C of everything before them; a mismatch
 *       ({@code ChecksumMismatch}, also connection-fatal) closes the connection.
 *   <li>Exactly one kind-0 body; each kind-1 sequence becomes an array field of the body, which must not already
 *       have that field. Errors in here are answered, not fatal.
 * </ul>
 * Stateless.
 */
final class OpMsgDecoder {
  static final int CHECKSUM_PRESENT = 1;
  static final int MORE_TO_COME = 1 << 1;
  private static final int REQUIRED_BITS = 0xFFFF;
  private static final int KNOWN_REQUIRED_BITS = CHECKSUM_PRESENT | MORE_TO_COME;
  private static final int CHECKSUM_SIZE = 4;

  private OpMsgDecoder() {}

  /** Decodes the message after its header; {@code message} spans the whole frame, header included. */
  static WireRequest decode(MessageHeader header, ByteBuf message) {
    if (message.readableBytes() < Integer.BYTES) {
      throw new WireProtocolException("OP_MSG without flags");
    }
    int flags = message.readIntLE();
    if ((flags & REQUIRED_BITS & ~KNOWN_REQUIRED_BITS) != 0) {
      throw new WireProtocolException("Message contains illegal flags value: Flag " + Integer.toHexString(flags));
    }
    boolean moreToCome = (flags & MORE_TO_COME) != 0;
    if ((flags & CHECKSUM_PRESENT) != 0) {
      verifyChecksum(message);
    }
    try {
      return new WireRequest.OpMsg(header, readSections(message), moreToCome);
    } catch (MongoError e) {
      return new WireRequest.Malformed(header, e, !moreToCome);
    }
  }

  private static void verifyChecksum(ByteBuf message) {
    if (message.readableBytes() < CHECKSUM_SIZE) {
      throw new WireProtocolException("OP_MSG checksum missing");
    }
    int checksumIndex = message.writerIndex() - CHECKSUM_SIZE;
    CRC32C crc = new CRC32C();
    crc.update(message.nioBuffer(0, checksumIndex));
    if ((int) crc.getValue() != message.getIntLE(checksumIndex)) {
      throw new WireProtocolException("OP_MSG checksum does not match contents");
    }
    message.writerIndex(checksumIndex);
  }

  private static BsonDocument readSections(ByteBuf message) {
    BsonDocument body = null;
    Map<String, BsonArray> sequences = new LinkedHashMap<>();
    while (message.isReadable()) {
      byte kind = message.readByte();
      if (kind == 0) {
        if (body != null) {
          throw ErrorCode.location(40430).error("Multiple body sections in message");
        }
        body = BsonReading.readDocument(message);
      } else if (kind == 1) {
        readSequence(message, sequences);
      } else {
        throw ErrorCode.location(40432).error("Unknown section kind " + kind);
      }
    }
    if (body == null) {
      throw ErrorCode.location(40587).error("OP_MSG messages must have a body");
    }
    return merge(body, sequences);
  }

  private static void readSequence(ByteBuf message, Map<String, BsonArray> sequences) {
    if (message.readableBytes() < Integer.BYTES) {
      throw ErrorCode.INVALID_BSON.error("Invalid OP_MSG: truncated document sequence");
    }
    int size = message.readIntLE();
    if (size < Integer.BYTES || size - Integer.BYTES > message.readableBytes()) {
      throw ErrorCode.INVALID_BSON.error("Invalid OP_MSG: document sequence size " + size + " out of range");
    }
    ByteBuf section = message.readSlice(size - Integer.BYTES);
    String identifier = BsonReading.readCString(section);
    BsonArray documents = new BsonArray();
    while (section.isReadable()) {
      documents.add(BsonReading.readDocument(section));
    }
    if (sequences.put(identifier, documents) != null) {
      throw ErrorCode.location(40431).error("Duplicate document sequence: " + identifier);
    }
  }

  private static BsonDocument merge(BsonDocument body, Map<String, BsonArray> sequences) {
    for (Map.Entry<String, BsonArray> sequence : sequences.entrySet()) {
      if (body.containsKey(sequence.getKey())) {
        throw ErrorCode.location(40433).error(
            "Duplicate field between body and document sequence: " + sequence.getKey());
      }
      body.append(sequence.getKey(), sequence.getValue());
    }
    return body;
  }
}
