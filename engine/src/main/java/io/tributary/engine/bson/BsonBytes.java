package io.tributary.engine.bson;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.ByteBuf;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.io.OutputBuffer;

/** Encoding of documents to BSON bytes and back, for storage values and size checks. Stateless, thread-safe. */
public final class BsonBytes {
  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

  /** Room for a typical small document or oplog entry; the default 1 KiB was a large part of an insert's garbage. */
  private static final int INITIAL_BUFFER_BYTES = 256;

  private BsonBytes() {}

  public static byte[] encode(BsonDocument document) {
    BasicOutputBuffer buffer = new BasicOutputBuffer(INITIAL_BUFFER_BYTES);
    try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      CODEC.encode(writer, document, EncoderContext.builder().build());
    }
    return buffer.toByteArray();
  }

  public static BsonDocument decode(byte[] bytes) {
    try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes))) {
      return CODEC.decode(reader, DecoderContext.builder().build());
    }
  }

  /** The size of the document's BSON encoding in bytes, counted without producing the bytes. */
  public static int size(BsonDocument document) {
    Counter counter = new Counter();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(counter)) {
      CODEC.encode(writer, document, EncoderContext.builder().build());
    }
    return counter.getSize();
  }

  /**
   * An output that only counts the bytes written (cursor batches size every document they return; a buffer
   * of each was most of a point read's allocation). Lengths patched in afterwards change no size.
   */
  private static final class Counter extends OutputBuffer {
    private int position;

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
      position += length;
    }

    @Override
    public void writeByte(int value) {
      position++;
    }

    @Override
    protected void write(int absolutePosition, int value) {}

    @Override
    public int getPosition() {
      return position;
    }

    @Override
    public int getSize() {
      return position;
    }

    @Override
    public void truncateToPosition(int newPosition) {
      position = newPosition;
    }

    @Override
    public List<ByteBuf> getByteBuffers() {
      throw new UnsupportedOperationException("a counter holds no bytes");
    }

    @Override
    public int pipe(OutputStream out) {
      throw new UnsupportedOperationException("a counter holds no bytes");
    }
  }
}
