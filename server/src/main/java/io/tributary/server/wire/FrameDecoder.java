package io.tributary.server.wire;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.tributary.engine.command.ServerLimits;
import java.nio.ByteOrder;

/**
 * Cuts the byte stream into messages by the little-endian length that starts each one (which counts itself).
 * A negative length, one shorter than the length field, or one over {@code maxMessageSizeBytes} raises an
 * exception at once ({@code failFast}) and the connection is closed, as mongod does. One instance per channel.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
  private static final int LENGTH_FIELD_SIZE = 4;

  public FrameDecoder() {
    super(ByteOrder.LITTLE_ENDIAN, ServerLimits.MAX_MESSAGE_SIZE_BYTES, 0, LENGTH_FIELD_SIZE, -LENGTH_FIELD_SIZE, 0,
        true);
  }
}
