package io.tributary.server.wire;

import io.netty.buffer.ByteBuf;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.io.OutputBuffer;

/**
 * A BSON output appending to a Netty buffer, so a reply is encoded straight into the bytes that go to the socket
 * (no intermediate array to allocate and copy). Positions are relative to where the output started. Not
 * thread-safe: one per encoding, on the event loop that owns the buffer.
 */
final class ByteBufOutput extends OutputBuffer {
  private final ByteBuf buffer;
  private final int start;

  ByteBufOutput(ByteBuf buffer) {
    this.buffer = buffer;
    this.start = buffer.writerIndex();
  }

  @Override
  public void writeBytes(byte[] bytes, int offset, int length) {
    buffer.writeBytes(bytes, offset, length);
  }

  @Override
  public void writeByte(int value) {
    buffer.writeByte(value);
  }

  @Override
  public void writeInt32(int value) {
    buffer.writeIntLE(value);
  }

  @Override
  public void writeInt32(int position, int value) {
    buffer.setIntLE(start + position, value);
  }

  @Override
  public void writeInt64(long value) {
    buffer.writeLongLE(value);
  }

  @Override
  public void writeDouble(double value) {
    buffer.writeLongLE(Double.doubleToRawLongBits(value));
  }

  /**
   * ASCII text (nearly every field name, most strings) is copied in one call rather than byte by byte; any other
   * text, and a C string holding a NUL (which the superclass refuses), goes the superclass's way.
   */
  @Override
  protected int writeCharacters(String value, boolean checkNullTermination) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c == 0 && checkNullTermination) {
        return super.writeCharacters(value, checkNullTermination);
      }
    }
    buffer.writeCharSequence(value, StandardCharsets.US_ASCII);
    buffer.writeByte(0);
    return length + 1;
  }

  @Override
  protected void write(int position, int value) {
    buffer.setByte(start + position, value);
  }

  @Override
  public int getPosition() {
    return buffer.writerIndex() - start;
  }

  @Override
  public int getSize() {
    return getPosition();
  }

  @Override
  public void truncateToPosition(int newPosition) {
    buffer.writerIndex(start + newPosition);
  }

  @Override
  public List<org.bson.ByteBuf> getByteBuffers() {
    throw new UnsupportedOperationException("the bytes are in the Netty buffer");
  }

  @Override
  public int pipe(OutputStream out) {
    throw new UnsupportedOperationException("the bytes are in the Netty buffer");
  }
}
