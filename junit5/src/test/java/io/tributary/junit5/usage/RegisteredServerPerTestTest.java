package io.tributary.junit5.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.junit5.TributaryExtension;
import io.tributary.server.TributaryServer;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredServerPerTestTest {
  @RegisterExtension
  static final TributaryExtension tributary = TributaryExtension.serverPerTest()
      .withDatabase("shop")
      .withServer(server -> server.setParameter("enableTestCommands", "1"));

  private static TributaryServer firstServer;

  @Test
  @Order(1)
  void theAccessorsNameThisTestsServer(TributaryServer server) {
    firstServer = server;
    assertThat(tributary.server()).isSameAs(server);
    assertThat(tributary.connectionString()).isEqualTo(server.connectionString());
    assertThat(tributary.database().getName()).isEqualTo("shop");
    tributary.database().getCollection("orders").insertOne(new Document("_id", 1));
  }

  @Test
  @Order(2)
  void eachTestGetsANewServerConfiguredAsRegistered(TributaryServer server) {
    assertThat(server).isNotSameAs(firstServer);
    assertThat(tributary.database().getCollection("orders").countDocuments()).isZero();
    BsonDocument options = tributary.client().getDatabase("admin")
        .runCommand(new BsonDocument("getCmdLineOpts", new BsonInt32(1)), BsonDocument.class);
    assertThat(options.getDocument("parsed").getDocument("setParameter").getString("enableTestCommands").getValue())
        .isEqualTo("1");
  }
}
