package io.tributary.server.wire;

import io.netty.buffer.ByteBuf;
import io.tributary.engine.command.ServerLimits;
import io.tributary.engine.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;

/**
 * Reads BSON documents and C strings out of a message buffer, validating as mongod does: a document must be
 * well-formed ({@code InvalidBSON}, 22) and at most {@link ServerLimits#MAX_INTERNAL_BSON_OBJECT_SIZE} bytes
 * ({@code BSONObjectTooLarge}, 10334). Stateless.
 */
final class BsonReading {
  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
  private static final int MIN_DOCUMENT_SIZE = 5;

  private BsonReading() {}

  /** Reads one document at the buffer's reader index and advances past it. */
  static BsonDocument readDocument(ByteBuf buffer) {
    if (buffer.readableBytes() < MIN_DOCUMENT_SIZE) {
      throw ErrorCode.INVALID_BSON.error("Invalid BSON: document truncated");
    }
    int size = buffer.getIntLE(buffer.readerIndex());
    if (size > ServerLimits.MAX_INTERNAL_BSON_OBJECT_SIZE) {
      throw ErrorCode.BSON_OBJECT_TOO_LARGE.error("BSONObj size: " + size + " (0x" + Integer.toHexString(size)
          + ") is invalid. Size must be between 0 and " + ServerLimits.MAX_INTERNAL_BSON_OBJECT_SIZE + "(16MB)");
    }
    if (size < MIN_DOCUMENT_SIZE || size > buffer.readableBytes()) {
      throw ErrorCode.INVALID_BSON.error("Invalid BSON: document size " + size + " does not fit the message");
    }
    // Decoded from a heap copy: the reader reads byte by byte, which costs more on the socket's direct memory.
    byte[] bytes = new byte[size];
    buffer.readBytes(bytes);
    BsonDocument document;
    int consumed;
    try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes))) {
      document = CODEC.decode(reader, DecoderContext.builder().build());
      consumed = reader.getBsonInput().getPosition();
    } catch (RuntimeException e) {
      // The BSON library reports malformed input with several exception types; all mean InvalidBSON here.
      throw ErrorCode.INVALID_BSON.error("Invalid BSON: " + e.getMessage());
    }
    if (consumed != size) {
      throw ErrorCode.INVALID_BSON.error("Invalid BSON: document size does not match its contents");
    }
    return document;
  }

  /** Reads a NUL-terminated UTF-8 string and advances past the NUL. */
  static String readCString(ByteBuf buffer) {
    int end = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) 0);
    if (end < 0) {
      throw ErrorCode.INVALID_BSON.error("Invalid message: unterminated string");
    }
    String value = buffer.toString(buffer.readerIndex(), end - buffer.readerIndex(), StandardCharsets.UTF_8);
    buffer.readerIndex(end + 1);
    return value;
  }
}
