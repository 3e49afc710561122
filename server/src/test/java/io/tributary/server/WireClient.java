package io.tributary.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * A raw wire-protocol client for tests that must send what no driver would: hand-built messages, bad lengths,
 * garbage. Reads block at most {@code READ_TIMEOUT_MS} (a guard against a hung test, not a timing assertion).
 */
final class WireClient implements AutoCloseable {
  static final int OP_REPLY = 1;
  static final int OP_QUERY = 2004;
  static final int OP_MSG = 2013;
  private static final int READ_TIMEOUT_MS = 20_000;

  /** A reply as read off the socket. */
  record Reply(int responseTo, int opCode, int flags, BsonDocument body) {}

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private int nextRequestId = 1;

  WireClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends an OP_MSG with a body section and returns its request id. */
  int sendMsg(int flags, BsonDocument body) throws IOException {
    ByteArrayOutputStream sections = new ByteArrayOutputStream();
    sections.write(0);
    sections.write(bson(body));
    return sendMsg(flags, sections.toByteArray());
  }

  /** Sends an OP_MSG with the given raw sections; appends a CRC-32C when {@code flags} has checksumPresent. */
  int sendMsg(int flags, byte[] sections) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(int32(flags));
    payload.write(sections);
    int requestId = nextRequestId++;
    boolean checksum = (flags & 1) != 0;
    byte[] message = message(requestId, OP_MSG, payload.toByteArray(), checksum ? 4 : 0);
    if (checksum) {
      CRC32C crc = new CRC32C();
      crc.update(message, 0, message.length - 4);
      ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length - 4, (int) crc.getValue());
    }
    send(message);
    return requestId;
  }

  /** Sends an OP_QUERY and returns its request id. */
  int sendQuery(String fullCollectionName, BsonDocument query) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(int32(0));
    payload.write(fullCollectionName.getBytes(StandardCharsets.UTF_8));
    payload.write(0);
    payload.write(int32(0));
    payload.write(int32(-1));
    payload.write(bson(query));
    int requestId = nextRequestId++;
    send(message(requestId, OP_QUERY, payload.toByteArray(), 0));
    return requestId;
  }

  /** A whole message: header, then payload, then {@code trailer} zero bytes. */
  static byte[] message(int requestId, int opCode, byte[] payload, int trailer) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + payload.length + trailer).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(buffer.capacity()).putInt(requestId).putInt(0).putInt(opCode).put(payload);
    return buffer.array();
  }

  Reply read() throws IOException {
    int length = Integer.reverseBytes(in.readInt());
    byte[] rest = new byte[length - 4];
    in.readFully(rest);
    ByteBuffer buffer = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
    buffer.getInt();
    int responseTo = buffer.getInt();
    int opCode = buffer.getInt();
    int flags = buffer.getInt();
    if (opCode == OP_REPLY) {
      buffer.position(buffer.position() + 8 + 4 + 4);
    } else {
      buffer.get();
    }
    return new Reply(responseTo, opCode, flags, document(buffer.slice().order(ByteOrder.LITTLE_ENDIAN)));
  }

  /** Whether the server closed the connection: the next read sees end of stream (or a reset). */
  boolean isClosedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (EOFException | SocketException e) {
      return true;
    }
  }

  InputStream input() {
    return in;
  }

  static byte[] bson(BsonDocument document) {
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
    return buffer.toByteArray();
  }

  static byte[] int32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static BsonDocument document(ByteBuffer buffer) {
    return new BsonDocumentCodec().decode(new BsonBinaryReader(buffer), DecoderContext.builder().build());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
