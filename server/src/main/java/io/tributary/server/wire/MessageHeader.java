package io.tributary.server.wire;

/** The 16-byte header every wire message starts with. Immutable. */
public record MessageHeader(int messageLength, int requestId, int responseTo, int opCode) {
  public static final int SIZE = 16;
}
