package io.tributary.junit5.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tributary.junit5.ServerLifecycle;
import io.tributary.junit5.TributaryTest;
import io.tributary.server.TributaryServer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TributaryTest(lifecycle = ServerLifecycle.PER_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotatedServerPerTestTest {
  private static TributaryServer firstServer;
  private TributaryServer beforeEachServer;

  @BeforeEach
  void seed(TributaryServer server, MongoDatabase database) {
    beforeEachServer = server;
    database.getCollection("items").insertOne(new Document("_id", "seeded"));
  }

  @Test
  @Order(1)
  void beforeEachAndTheTestShareTheTestsServer(TributaryServer server, MongoDatabase database) {
    firstServer = server;
    assertThat(server).isSameAs(beforeEachServer);
    assertThat(database.getName()).isEqualTo("test");
    database.getCollection("items").insertOne(new Document("_id", "first test"));
    assertThat(database.getCollection("items").countDocuments()).isEqualTo(2);
  }

  @Test
  @Order(2)
  void theNextTestRunsOnAFreshServer(TributaryServer server, MongoDatabase database) {
    assertThat(server).isNotSameAs(firstServer);
    assertThat(database.getCollection("items").countDocuments()).isEqualTo(1);
  }
}
