package io.tributary.server.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.tributary.engine.error.MongoError;
import java.util.List;

/**
 * Turns one frame (a whole message, as cut by {@link FrameDecoder}) into a {@link WireRequest}. Frames too short
 * for a header and unreadable OP_MSGs raise {@link WireProtocolException}, which closes the connection; content
 * errors become {@link WireRequest.Malformed} so the client gets an error reply. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class RequestDecoder extends MessageToMessageDecoder<ByteBuf> {
  public RequestDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf frame, List<Object> out) {
    if (frame.readableBytes() < MessageHeader.SIZE) {
      throw new WireProtocolException("message shorter than its header: " + frame.readableBytes() + " bytes");
    }
    MessageHeader header = new MessageHeader(frame.readIntLE(), frame.readIntLE(), frame.readIntLE(),
        frame.readIntLE());
    out.add(switch (header.opCode()) {
      case OpCode.OP_MSG -> OpMsgDecoder.decode(header, frame);
      case OpCode.OP_QUERY -> decodeQuery(header, frame);
      case OpCode.OP_INSERT, OpCode.OP_UPDATE, OpCode.OP_DELETE, OpCode.OP_GET_MORE, OpCode.OP_KILL_CURSORS ->
          new WireRequest.Legacy(header);
      default -> throw new WireProtocolException("unsupported opcode " + header.opCode());
    });
  }

  /** OP_QUERY: flags, fullCollectionName, numberToSkip, numberToReturn, query[, returnFieldsSelector]. */
  private static WireRequest decodeQuery(MessageHeader header, ByteBuf frame) {
    try {
      frame.skipBytes(Integer.BYTES);
      String fullCollectionName = BsonReading.readCString(frame);
      frame.skipBytes(2 * Integer.BYTES);
      return new WireRequest.OpQuery(header, fullCollectionName, BsonReading.readDocument(frame));
    } catch (MongoError e) {
      return new WireRequest.Malformed(header, e, true);
    } catch (IndexOutOfBoundsException e) {
      throw new WireProtocolException("truncated OP_QUERY");
    }
  }
}
