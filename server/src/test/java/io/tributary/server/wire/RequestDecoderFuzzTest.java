package io.tributary.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/**
 * Random and randomly damaged messages through the decoding pipeline: each yields a request or one of the
 * protocol exceptions that close the connection, never an unexpected exception (a decoding bug). Seeded, so a
 * failure reproduces.
 */
class RequestDecoderFuzzTest {
  private static final int RUNS = 3000;
  private final Random random = new Random(20261125);

  @Test
  void randomBytesNeverBreakTheDecoder() {
    for (int run = 0; run < RUNS; run++) {
      byte[] payload = new byte[random.nextInt(64)];
      random.nextBytes(payload);
      int opCode = random.nextBoolean() ? OpCode.OP_MSG : OpCode.OP_QUERY;
      assertDecodesOrRejects(frame(opCode, payload));
    }
  }

  @Test
  void damagedValidMessagesNeverBreakTheDecoder() {
    byte[] valid = frame(OpCode.OP_MSG, concat(new byte[] {0, 0, 0, 0, 0},
        bson(BsonDocument.parse("{insert: 'c', documents: [{_id: 1, a: [1, 'x', {b: null}]}], $db: 'test'}"))));
    for (int run = 0; run < RUNS; run++) {
      byte[] damaged = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        int at = 4 + random.nextInt(damaged.length - 4);
        damaged[at] = (byte) random.nextInt(256);
      }
      assertDecodesOrRejects(damaged);
    }
  }

  private static void assertDecodesOrRejects(byte[] message) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(), new RequestDecoder());
    try {
      channel.writeInbound(Unpooled.wrappedBuffer(message));
      Object decoded = channel.readInbound();
      assertThat(decoded).isInstanceOf(WireRequest.class);
    } catch (WireProtocolException | CorruptedFrameException | TooLongFrameException expected) {
      // the connection would be closed
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  private static byte[] frame(int opCode, byte[] payload) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    return buffer.putInt(buffer.capacity()).putInt(1).putInt(0).putInt(opCode).put(payload).array();
  }

  private static byte[] bson(BsonDocument document) {
    BasicOutputBuffer out = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
