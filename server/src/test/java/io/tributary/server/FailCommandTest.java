package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code failCommand} fail point as drivers' test suites use it (unified-test-format "Server Fail Points"). */
class FailCommandTest extends ServerTestSupport {
  @AfterEach
  void turnOff() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}");
  }

  @Test
  void failsTheNamedCommandWithTheCodeTheGivenNumberOfTimes() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 2},"
        + " data: {failCommands: ['ping'], errorCode: 2}}");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> adminCommand("{ping: 1}"))
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(2);
            assertThat(e.getErrorCodeName()).isEqualTo("BadValue");
            assertThat(e.getErrorMessage()).isEqualTo("Failing command via 'failCommand' failpoint");
          });
    }
    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
  }

  @Test
  void leavesOtherCommandsAlone() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'alwaysOn',"
        + " data: {failCommands: ['insert'], errorCode: 2}}");

    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
  }

  @Test
  void matchesAliasesOfTheCommand() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['isMaster'], errorCode: 2}}");

    assertThatThrownBy(() -> adminCommand("{hello: 1}")).isInstanceOf(MongoCommandException.class);
  }

  @Test
  void closeConnectionDropsTheConnectionWithoutReplying() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['ping'], closeConnection: true}}");

    assertThatThrownBy(() -> adminCommand("{ping: 1}")).isInstanceOf(MongoSocketException.class);
    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
  }

  @Test
  void skipLetsTheFirstCommandsPass() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {skip: 1},"
        + " data: {failCommands: ['ping'], errorCode: 2}}");

    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    assertThatThrownBy(() -> adminCommand("{ping: 1}")).isInstanceOf(MongoCommandException.class);
    assertThatThrownBy(() -> adminCommand("{ping: 1}")).isInstanceOf(MongoCommandException.class);
  }

  @Test
  void errorLabelsReplaceTheServersLabels() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['ping'], errorCode: 91, errorLabels: ['SomeLabel']}}");

    assertThatThrownBy(() -> adminCommand("{ping: 1}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorLabels()).containsExactly("SomeLabel");
          assertThat(e.getErrorCodeName()).isEqualTo("ShutdownInProgress");
        });
  }

  @Test
  void retryableWriteFailuresGetTheRetryableWriteErrorLabel() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['insert'], errorCode: 91}}");

    BsonDocument reply = rawCommand("test", "{insert: 'c', documents: [{}], txnNumber: NumberLong(1),"
        + " lsid: {id: UUID('0123456789abcdef0123456789abcdef')}}");

    assertThat(reply.getArray("errorLabels")).extracting(v -> v.asString().getValue())
        .containsExactly("RetryableWriteError");
  }

  @Test
  void emptyErrorLabelsSuppressTheServersLabels() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['insert'], errorCode: 91, errorLabels: []}}");

    BsonDocument reply = rawCommand("test", "{insert: 'c', documents: [{}], txnNumber: NumberLong(1),"
        + " lsid: {id: UUID('0123456789abcdef0123456789abcdef')}}");

    assertThat(reply.containsKey("errorLabels")).isFalse();
  }

  @Test
  void appNameRestrictsTheFailPointToThatApplication() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'alwaysOn',"
        + " data: {failCommands: ['ping'], errorCode: 2, appName: 'victim'}}");

    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
    try (MongoClient victim = newClient(MongoClientSettings.builder().applicationName("victim"))) {
      assertThatThrownBy(() -> victim.getDatabase("admin").runCommand(BsonDocument.parse("{ping: 1}")))
          .isInstanceOf(MongoCommandException.class);
    }
  }

  @Test
  void blockConnectionDelaysButRunsTheCommand() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['ping'], blockConnection: true, blockTimeMS: 50}}");

    assertThat(adminCommand("{ping: 1}").getDouble("ok").getValue()).isEqualTo(1.0);
  }

  @Test
  void writeConcernErrorIsAddedToTheReplyOfACommandThatRan() {
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1},"
        + " data: {failCommands: ['insert'], writeConcernError: {code: 100, errmsg: 'Not enough data-bearing'}}}");

    assertThatThrownBy(() -> client().getDatabase("test").getCollection("wce").insertOne(new Document()))
        .isInstanceOfSatisfying(MongoWriteConcernException.class, e -> assertThat(e.getCode()).isEqualTo(100));
    assertThat(client().getDatabase("test").getCollection("wce").find().into(new ArrayList<>())).hasSize(1);
  }

  @Test
  void configureFailPointReportsHowOftenItFired() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'alwaysOn',"
        + " data: {failCommands: ['ping'], errorCode: 2}}");
    assertThatThrownBy(() -> adminCommand("{ping: 1}")).isInstanceOf(MongoCommandException.class);

    BsonDocument reply = adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}");

    assertThat(reply.getNumber("count").longValue()).isPositive();
  }

  @Test
  void unknownFailPointIsRefused() {
    assertThatThrownBy(() -> adminCommand("{configureFailPoint: 'noSuchFailPoint', mode: 'off'}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(266));
  }

  @Test
  void configureFailPointItselfIsNeverFailed() {
    adminCommand("{configureFailPoint: 'failCommand', mode: 'alwaysOn',"
        + " data: {failCommands: ['configureFailPoint'], errorCode: 2}}");

    assertThat(adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}").getDouble("ok").getValue())
        .isEqualTo(1.0);
  }

  /** Runs a command through a raw connection so the reply (labels included) is seen as sent. */
  private BsonDocument rawCommand(String database, String json) {
    try (WireClient wire = new WireClient(server().port())) {
      BsonDocument command = BsonDocument.parse(json);
      command.put("$db", new BsonString(database));
      wire.sendMsg(0, command);
      return wire.read().body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void retryableWriteConcernErrorOnFindAndModifyIsRetried() {
    MongoCollection<Document> collection = client().getDatabase("test").getCollection("fam");
    collection.insertOne(new Document("_id", 1).append("x", 11));
    adminCommand("{configureFailPoint: 'failCommand', mode: {times: 1}, data: {failCommands: ['findAndModify'],"
        + " errorLabels: ['RetryableWriteError'], writeConcernError: {code: 91, errmsg: 'shutting down'}}}");

    assertThat(collection.findOneAndDelete(new Document("x", 11))).isNotNull();
  }
}
