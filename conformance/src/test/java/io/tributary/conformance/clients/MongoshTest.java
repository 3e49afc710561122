package io.tributary.conformance.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.conformance.SharedServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * mongosh 2.x, unmodified, against the shared server: CRUD, {@code rs.status()}, a {@code watch()}, and
 * {@code db.getReplicationInfo()} / {@code rs.printReplicationInfo()} over the read-only {@code local.oplog.rs}.
 */
@ExtendWith(SharedServer.class)
class MongoshTest {

  @Test
  void mongoshDoesCrudReadsReplicaSetStatusAndWatches() throws Exception {
    Path modules = NodeTooling.requireModules("mongosh");
    BsonDocument result = NodeTooling.runForResult(modules, List.of(
        modules.resolve(".bin/mongosh").toString(), SharedServer.connectionString(),
        "--quiet", "--norc", "--file", NodeTooling.script("mongosh-crud-watch.js").toString()));

    assertThat(result.getInt32("insertedCount").getValue()).isEqualTo(3);
    assertThat(result.getArray("found")).isEqualTo(BsonDocument.parse(
        "{a: [{_id: 1, n: 1}, {_id: 2, n: 12}]}").getArray("a"));
    assertThat(result.getNumber("count").intValue()).isEqualTo(2);
    assertThat(result.getNumber("rsOk").intValue()).isEqualTo(1);
    assertThat(result.getArray("memberStates")).extracting(v -> v.asString().getValue()).containsExactly("PRIMARY");
    BsonDocument change = result.getDocument("change");
    assertThat(change.getString("operationType").getValue()).isEqualTo("insert");
    assertThat(change.getDocument("documentKey")).isEqualTo(BsonDocument.parse("{_id: 4}"));
    assertThat(change.getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 4, n: 4}"));
    assertThat(change.getBoolean("hasResumeToken").getValue()).isTrue();
  }

  @Test
  void mongoshReportsReplicationInfoFromTheOplog() throws Exception {
    Path modules = NodeTooling.requireModules("mongosh");
    BsonDocument result = NodeTooling.runForResult(modules, List.of(
        modules.resolve(".bin/mongosh").toString(), SharedServer.connectionString(),
        "--quiet", "--norc", "--file", NodeTooling.script("mongosh-replication-info.js").toString()));

    assertThat(result.getNumber("configuredLogSizeMB").doubleValue()).isPositive();
    assertThat(result.getNumber("usedMB").doubleValue()).isPositive();
    assertThat(result.getNumber("timeDiff").longValue()).isNotNegative();
    assertThat(result.getBoolean("hasTimes").getValue()).isTrue();
    assertThat(result.isNull("errmsg")).isTrue();
    assertThat(result.getArray("printedKeys")).extracting(v -> v.asString().getValue()).containsExactly(
        "actual oplog size", "configured oplog size", "log length start to end", "oplog first event time",
        "oplog last event time", "now");
    assertThat(result.getDocument("last")).isEqualTo(BsonDocument.parse(
        "{op: 'i', ns: 'mongosh_replication.events', o: {_id: 1}, v: 2}"));
  }
}
