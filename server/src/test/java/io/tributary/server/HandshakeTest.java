package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class HandshakeTest extends ServerTestSupport {
  @Test
  void pingRepliesOkWithClusterTime() {
    BsonDocument reply = adminCommand("{ping: 1}");

    assertThat(reply.get("ok").asDouble().getValue()).isEqualTo(1.0);
    assertThat(reply.get("operationTime")).isInstanceOf(BsonTimestamp.class);
    BsonDocument clusterTime = reply.getDocument("$clusterTime");
    assertThat(clusterTime.get("clusterTime")).isInstanceOf(BsonTimestamp.class);
    assertThat(clusterTime.getDocument("signature").getBinary("hash").getData()).hasSize(20).containsOnly(0);
    assertThat(clusterTime.getDocument("signature").getInt64("keyId").getValue()).isZero();
  }

  @Test
  void helloDescribesAReplicaSetPrimary() {
    BsonDocument reply = adminCommand("{hello: 1, helloOk: true}");

    String me = server().address();
    assertThat(reply.getBoolean("isWritablePrimary").getValue()).isTrue();
    assertThat(reply.containsKey("ismaster")).isFalse();
    assertThat(reply.getBoolean("helloOk").getValue()).isTrue();
    assertThat(reply.getString("setName").getValue()).isEqualTo("rs0");
    assertThat(reply.getArray("hosts")).extracting(v -> v.asString().getValue()).containsExactly(me);
    assertThat(reply.getString("me").getValue()).isEqualTo(me);
    assertThat(reply.getString("primary").getValue()).isEqualTo(me);
    assertThat(reply.getObjectId("electionId").getValue()).isEqualTo(new ObjectId("7fffffff0000000000000001"));
    assertThat(reply.getInt32("maxWireVersion").getValue()).isEqualTo(21);
    assertThat(reply.getInt32("minWireVersion").getValue()).isZero();
    assertThat(reply.getInt32("maxBsonObjectSize").getValue()).isEqualTo(16777216);
    assertThat(reply.getInt32("maxMessageSizeBytes").getValue()).isEqualTo(48000000);
    assertThat(reply.getInt32("maxWriteBatchSize").getValue()).isEqualTo(100000);
    assertThat(reply.getInt32("logicalSessionTimeoutMinutes").getValue()).isEqualTo(30);
    assertThat(reply.getDocument("lastWrite").getDocument("opTime").getInt64("t").getValue()).isEqualTo(1);
    assertThat(reply.containsKey("topologyVersion")).isFalse();
    assertThat(reply.containsKey("compression")).isFalse();
  }

  @Test
  void legacyIsMasterReportsIsmaster() {
    for (String name : List.of("isMaster", "ismaster")) {
      BsonDocument reply = adminCommand("{" + name + ": 1}");

      assertThat(reply.getBoolean("ismaster").getValue()).isTrue();
      assertThat(reply.containsKey("isWritablePrimary")).isFalse();
      assertThat(reply.containsKey("helloOk")).isFalse();
    }
  }

  @Test
  void buildInfoClaimsVersionSeven() {
    BsonDocument reply = adminCommand("{buildInfo: 1}");

    assertThat(reply.getString("version").getValue()).isEqualTo("7.0.0");
    assertThat(reply.getArray("versionArray")).containsExactly(new BsonInt32(7), new BsonInt32(0), new BsonInt32(0),
        new BsonInt32(0));
    assertThat(reply.containsKey("dataLake")).isFalse();
  }

  @Test
  void serverStatusReportsStorageAndConnections() {
    BsonDocument reply = adminCommand("{serverStatus: 1}");

    assertThat(reply.getString("process").getValue()).isEqualTo("mongod");
    assertThat(reply.getString("host").getValue()).isEqualTo(server().address());
    assertThat(reply.getDocument("storageEngine").getString("name").getValue()).isEqualTo(storageEngine());
    assertThat(reply.getDocument("connections").getInt32("current").getValue()).isPositive();
    assertThat(reply.getDocument("repl").getString("setName").getValue()).isEqualTo("rs0");
    assertThat(reply.getDocument("opcounters").getInt64("command").getValue()).isPositive();
  }

  @Test
  void serverStatusLeavesOutSectionsAskedToExclude() {
    BsonDocument reply = adminCommand("{serverStatus: 1, repl: 0}");

    assertThat(reply.containsKey("repl")).isFalse();
    assertThat(reply.containsKey("connections")).isTrue();
  }

  @Test
  void getCmdLineOptsShowsTestCommandsEnabled() {
    BsonDocument reply = adminCommand("{getCmdLineOpts: 1}");

    assertThat(reply.getArray("argv")).isNotNull();
    BsonDocument parsed = reply.getDocument("parsed");
    assertThat(parsed.getDocument("setParameter").getString("enableTestCommands").getValue()).isEqualTo("1");
    assertThat(parsed.getDocument("replication").getString("replSet").getValue()).isEqualTo("rs0");
    assertThat(parsed.containsKey("security")).isFalse();
  }

  @Test
  void getParameterStarListsEveryParameter() {
    BsonDocument reply = adminCommand("{getParameter: '*'}");

    assertThat(reply.getBoolean("enableTestCommands").getValue()).isTrue();
    assertThat(reply.getDocument("featureCompatibilityVersion").getString("version").getValue()).isEqualTo("7.0");
  }

  @Test
  void getParameterReturnsTheNamedParameters() {
    BsonDocument reply = adminCommand("{getParameter: 1, featureCompatibilityVersion: 1}");

    assertThat(reply.getDocument("featureCompatibilityVersion").getString("version").getValue()).isEqualTo("7.0");
    assertThat(reply.containsKey("enableTestCommands")).isFalse();
  }

  @Test
  void setParameterReportsThePreviousValue() {
    BsonDocument reply = adminCommand("{setParameter: 1, logLevel: 1}");
    BsonDocument again = adminCommand("{setParameter: 1, logLevel: 0}");

    assertThat(reply.getInt32("was").getValue()).isZero();
    assertThat(again.getInt32("was").getValue()).isEqualTo(1);
  }

  @Test
  void replSetGetStatusShowsOnePrimaryMember() {
    BsonDocument reply = adminCommand("{replSetGetStatus: 1}");

    assertThat(reply.getString("set").getValue()).isEqualTo("rs0");
    assertThat(reply.getInt32("myState").getValue()).isEqualTo(1);
    BsonDocument member = reply.getArray("members").get(0).asDocument();
    assertThat(member.getString("name").getValue()).isEqualTo(server().address());
    assertThat(member.getString("stateStr").getValue()).isEqualTo("PRIMARY");
    assertThat(member.getBoolean("self").getValue()).isTrue();
    assertThat(member.getDocument("optime").get("ts").getBsonType()).isEqualTo(BsonType.TIMESTAMP);
  }

  @Test
  void connectionStatusShowsNoUsers() {
    BsonDocument reply = adminCommand("{connectionStatus: 1}");

    assertThat(reply.getDocument("authInfo").getArray("authenticatedUsers")).isEmpty();
  }

  @Test
  void whatsmyuriReportsTheClientAddress() {
    assertThat(adminCommand("{whatsmyuri: 1}").getString("you").getValue()).startsWith("127.0.0.1:");
  }

  @Test
  void unknownCommandFailsWithCommandNotFound() {
    assertThatThrownBy(() -> adminCommand("{noSuchThing: 1}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(59);
          assertThat(e.getErrorCodeName()).isEqualTo("CommandNotFound");
          assertThat(e.getErrorMessage()).isEqualTo("no such command: 'noSuchThing'");
          assertThat(e.getResponse().containsKey("operationTime")).isTrue();
        });
  }

  @Test
  void commandNamesAreCaseSensitive() {
    assertThatThrownBy(() -> adminCommand("{PING: 1}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(59));
  }

  @Test
  void adminOnlyCommandsAreRefusedElsewhere() {
    assertThatThrownBy(() -> client().getDatabase("test").runCommand(BsonDocument.parse("{getCmdLineOpts: 1}")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
  }

  @Test
  void replSetInitiateSaysAlreadyInitialized() {
    assertThatThrownBy(() -> adminCommand("{replSetInitiate: {}}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(23));
  }

  @Test
  void sessionsCanBeStartedAndEnded() {
    BsonDocument started = adminCommand("{startSession: 1}");

    assertThat(started.getDocument("id").getBinary("id").getType()).isEqualTo((byte) 4);
    assertThat(started.getInt32("timeoutMinutes").getValue()).isEqualTo(30);
    BsonDocument ended = admin().runCommand(new BsonDocument("endSessions",
        new BsonArray(List.of(started.getDocument("id")))), BsonDocument.class);
    assertThat(ended.getDouble("ok").getValue()).isEqualTo(1.0);
  }

  @Test
  void getLogHasEmptyStartupWarnings() {
    assertThat(adminCommand("{getLog: 'startupWarnings'}").getArray("log")).isEmpty();
    assertThat(adminCommand("{getLog: '*'}").getArray("names")).hasSize(2);
  }

  @Test
  void hostInfoDescribesTheMachine() {
    assertThat(adminCommand("{hostInfo: 1}").getDocument("system").getInt32("numCores").getValue()).isPositive();
  }

  @Test
  void listCommandsNamesEveryCommandAndAlias() {
    BsonDocument commands = adminCommand("{listCommands: 1}").getDocument("commands");

    assertThat(commands.keySet()).contains("hello", "isMaster", "ismaster", "ping", "configureFailPoint");
    assertThat(commands.getDocument("getCmdLineOpts").getBoolean("adminOnly").getValue()).isTrue();
  }

  @Test
  void fsyncSyncsStorage() {
    assertThat(adminCommand("{fsync: 1}").getInt32("numFiles").getValue()).isEqualTo(1);
    assertThatThrownBy(() -> adminCommand("{fsync: 1, lock: true}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(115));
  }
}
