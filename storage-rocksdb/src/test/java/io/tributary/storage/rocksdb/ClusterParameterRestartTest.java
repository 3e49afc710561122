package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.nio.file.Path;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster parameter set with {@code setClusterParameter} is stored and survives a restart, as in mongod. */
class ClusterParameterRestartTest {
  @TempDir
  Path dbpath;

  @Test
  void imageExpirySurvivesARestart() {
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      client.getDatabase("admin").runCommand(BsonDocument.parse(
          "{setClusterParameter: {changeStreamOptions: {preAndPostImages: {expireAfterSeconds: 600}}}}"));
    }
    try (TributaryServer server = start(); MongoClient client = MongoClients.create(server.connectionString())) {
      BsonDocument reply = client.getDatabase("admin").runCommand(
          BsonDocument.parse("{getClusterParameter: 'changeStreamOptions'}"), BsonDocument.class);

      assertThat(reply.getArray("clusterParameters").get(0).asDocument().getDocument("preAndPostImages"))
          .isEqualTo(BsonDocument.parse("{expireAfterSeconds: 600}"));
      assertThat(server.engine().parameters().get("changeStreamOptions"))
          .isEqualTo(BsonDocument.parse("{preAndPostImages: {expireAfterSeconds: 600}}"));
    }
  }

  private TributaryServer start() {
    return Tributary.builder().dataDirectory(dbpath).port(0).start();
  }
}
