package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hand-built wire messages: whatever a client sends, the server closes or answers, and keeps serving others. */
class MalformedInputTest extends ServerTestSupport {
  private static final BsonDocument PING = BsonDocument.parse("{ping: 1, $db: 'admin'}");

  @AfterEach
  void serverStillAnswers() throws IOException {
    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    try (WireClient wire = new WireClient(server().port())) {
      int id = wire.sendMsg(0, PING);
      assertThat(wire.read().responseTo()).isEqualTo(id);
    }
  }

  @Test
  void negativeLengthClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.send(WireClient.int32(-5));

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void lengthShorterThanAHeaderClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.send(concat(WireClient.int32(8), new byte[4]));

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void messageOverMaxMessageSizeClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.send(concat(WireClient.int32(48_000_001), new byte[12]));

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void truncatedFrameFromAClientThatLeavesDoesNotHurt() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      byte[] message = WireClient.message(1, WireClient.OP_MSG, concat(WireClient.int32(0), new byte[] {0},
          WireClient.bson(PING)), 0);
      wire.send(Arrays.copyOf(message, message.length - 7));
    }
  }

  @Test
  void stalledClientDoesNotBlockOthers() throws IOException {
    try (WireClient stalled = new WireClient(server().port())) {
      byte[] message = WireClient.message(1, WireClient.OP_MSG, concat(WireClient.int32(0), new byte[] {0},
          WireClient.bson(PING)), 0);
      stalled.send(Arrays.copyOf(message, 20));

      assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    }
  }

  @Test
  void clientThatNeverReadsItsRepliesDoesNotBlockOthers() throws IOException {
    try (WireClient greedy = new WireClient(server().port())) {
      for (int i = 0; i < 500; i++) {
        greedy.sendMsg(0, PING);
      }

      assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      int[] ids = new int[20];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = wire.sendMsg(0, PING);
      }

      for (int id : ids) {
        assertThat(wire.read().responseTo()).isEqualTo(id);
      }
    }
  }

  @Test
  void garbageBsonGetsInvalidBsonAndTheConnectionStaysOpen() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      byte[] garbage = {16, 0, 0, 0, (byte) 0x99, 'x', 0, 1, 2, 3, 4, 5, 6, 7, 8, 0};
      int id = wire.sendMsg(0, concat(new byte[] {0}, garbage));

      WireClient.Reply reply = wire.read();
      assertThat(reply.responseTo()).isEqualTo(id);
      assertThat(reply.body().getInt32("code").getValue()).isEqualTo(22);
      assertThat(reply.body().getString("codeName").getValue()).isEqualTo("InvalidBSON");
      assertThat(reply.body().getDouble("ok").getValue()).isZero();
      int ping = wire.sendMsg(0, PING);
      assertThat(wire.read().responseTo()).isEqualTo(ping);
    }
  }

  @Test
  void documentSizeBeyondItsSectionIsInvalidBson() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      byte[] body = WireClient.bson(PING);
      body[0] += 10;
      wire.sendMsg(0, concat(new byte[] {0}, body));

      assertThat(wire.read().body().getInt32("code").getValue()).isEqualTo(22);
    }
  }

  @Test
  void documentOverTheBsonLimitGetsBsonObjectTooLarge() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      int size = 16 * 1024 * 1024 + 16 * 1024 + 1;
      byte[] document = new byte[size];
      System.arraycopy(WireClient.int32(size), 0, document, 0, 4);
      wire.sendMsg(0, concat(new byte[] {0}, document));

      WireClient.Reply reply = wire.read();
      assertThat(reply.body().getInt32("code").getValue()).isEqualTo(10334);
      assertThat(reply.body().getString("codeName").getValue()).isEqualTo("BSONObjectTooLarge");
    }
  }

  @Test
  void unknownRequiredFlagBitClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.sendMsg(1 << 2, PING);

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void unknownOptionalFlagBitIsIgnored() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      int id = wire.sendMsg(1 << 16 | 1 << 20, PING);

      assertThat(wire.read().responseTo()).isEqualTo(id);
    }
  }

  @Test
  void correctChecksumIsAccepted() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      int id = wire.sendMsg(1, concat(new byte[] {0}, WireClient.bson(PING)));

      WireClient.Reply reply = wire.read();
      assertThat(reply.responseTo()).isEqualTo(id);
      assertThat(reply.body().getDouble("ok").getValue()).isEqualTo(1.0);
    }
  }

  @Test
  void checksumMismatchClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      byte[] message = WireClient.message(1, WireClient.OP_MSG, concat(WireClient.int32(1), new byte[] {0},
          WireClient.bson(PING)), 4);
      message[message.length - 1] = 42;
      wire.send(message);

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void twoBodySectionsAreAnError() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      byte[] body = WireClient.bson(PING);
      wire.sendMsg(0, concat(new byte[] {0}, body, new byte[] {0}, body));

      assertThat(wire.read().body().getInt32("code").getValue()).isEqualTo(40430);
    }
  }

  @Test
  void unknownOpcodeClosesTheConnection() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.send(WireClient.message(1, 9999, new byte[8], 0));

      assertThat(wire.isClosedByServer()).isTrue();
    }
  }

  @Test
  void moreToComeGetsNoReplyButRunsTheCommand() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.sendMsg(1 << 1, BsonDocument.parse("{insert: 'moreToCome', documents: [{_id: 1}], $db: 'test',"
          + " writeConcern: {w: 0}}"));
      int find = wire.sendMsg(0, BsonDocument.parse("{find: 'moreToCome', $db: 'test'}"));

      WireClient.Reply reply = wire.read();
      assertThat(reply.responseTo()).isEqualTo(find);
      assertThat(reply.body().getDocument("cursor").getArray("firstBatch")).hasSize(1);
    }
  }

  @Test
  void documentSequencesAreMergedIntoTheBody() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      ByteArrayOutputStream sequence = new ByteArrayOutputStream();
      sequence.write("documents".getBytes());
      sequence.write(0);
      sequence.write(WireClient.bson(BsonDocument.parse("{_id: 1}")));
      sequence.write(WireClient.bson(BsonDocument.parse("{_id: 2}")));
      byte[] kind1 = concat(new byte[] {1}, WireClient.int32(sequence.size() + 4), sequence.toByteArray());
      byte[] kind0 = concat(new byte[] {0}, WireClient.bson(BsonDocument.parse("{insert: 'seq', $db: 'test'}")));
      wire.sendMsg(0, concat(kind0, kind1));

      assertThat(wire.read().body().getInt32("n").getValue()).isEqualTo(2);
    }
  }

  @Test
  void opQueryHandshakeIsAnsweredWithOpReply() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      int id = wire.sendQuery("admin.$cmd", BsonDocument.parse("{ismaster: 1, helloOk: true}"));

      WireClient.Reply reply = wire.read();
      assertThat(reply.opCode()).isEqualTo(WireClient.OP_REPLY);
      assertThat(reply.responseTo()).isEqualTo(id);
      assertThat(reply.body().getBoolean("ismaster").getValue()).isTrue();
      assertThat(reply.body().getBoolean("helloOk").getValue()).isTrue();
    }
  }

  @Test
  void opQueryForOtherCommandsIsRefused() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.sendQuery("test.$cmd", BsonDocument.parse("{find: 'c'}"));

      WireClient.Reply reply = wire.read();
      assertThat(reply.body().getInt32("code").getValue()).isEqualTo(352);
      assertThat(reply.body().getString("errmsg").getValue()).startsWith("Unsupported OP_QUERY command: find.");
    }
  }

  @Test
  void opQueryOnACollectionIsAQueryFailure() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.sendQuery("test.c", new BsonDocument());

      WireClient.Reply reply = wire.read();
      assertThat(reply.flags() & 2).isEqualTo(2);
      assertThat(reply.body().getInt32("code").getValue()).isEqualTo(5739101);
    }
  }

  @Test
  void missingDbIsAnError() throws IOException {
    try (WireClient wire = new WireClient(server().port())) {
      wire.sendMsg(0, BsonDocument.parse("{ping: 1}"));

      assertThat(wire.read().body().getInt32("code").getValue()).isEqualTo(40571);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
