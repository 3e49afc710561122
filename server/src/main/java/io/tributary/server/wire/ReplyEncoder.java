package io.tributary.server.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonBinaryWriter;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;

/**
 * Writes {@link WireReply}s: OP_MSG with flags 0 and one kind-0 section, or OP_REPLY with one document. Request
 * ids of replies are unique per encoder. Thread-safe and sharable.
 */
@ChannelHandler.Sharable
public final class ReplyEncoder extends MessageToByteEncoder<WireReply> {
  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
  private static final byte BODY_SECTION = 0;

  private final AtomicInteger nextRequestId = new AtomicInteger();

  public ReplyEncoder() {
    super(WireReply.class);
  }

  @Override
  protected void encode(ChannelHandlerContext context, WireReply reply, ByteBuf out) {
    int start = out.writerIndex();
    out.writeIntLE(0);
    out.writeIntLE(nextRequestId.incrementAndGet());
    out.writeIntLE(reply.responseTo());
    out.writeIntLE(reply.opCode());
    if (reply.opCode() == OpCode.OP_MSG) {
      out.writeIntLE(0);
      out.writeByte(BODY_SECTION);
    } else {
      out.writeIntLE(reply.responseFlags());
      out.writeLongLE(0);
      out.writeIntLE(0);
      out.writeIntLE(1);
    }
    try (BsonBinaryWriter writer = new BsonBinaryWriter(new ByteBufOutput(out))) {
      CODEC.encode(writer, reply.body(), EncoderContext.builder().build());
    }
    out.setIntLE(start, out.writerIndex() - start);
  }
}
