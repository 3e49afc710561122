package io.tributary.server.wire;

import io.netty.handler.codec.DecoderException;

/**
 * A message the server cannot even frame or trust (a bad length, an unknown required OP_MSG flag, a checksum
 * mismatch): mongod closes the connection for these, and so does Tributary.
 */
public final class WireProtocolException extends DecoderException {
  private static final long serialVersionUID = 1L;

  public WireProtocolException(String message) {
    super(message);
  }
}
