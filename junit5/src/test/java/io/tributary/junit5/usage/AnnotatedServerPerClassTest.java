package io.tributary.junit5.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.junit5.TributaryTest;
import io.tributary.server.TributaryServer;
import java.util.ArrayList;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TributaryTest(database = "inventory")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotatedServerPerClassTest {
  private static TributaryServer classServer;

  @BeforeAll
  static void rememberTheServer(TributaryServer server) {
    classServer = server;
  }

  @Test
  @Order(1)
  void injectsAClientTheConfiguredDatabaseAndTheConnectionString(MongoClient client, MongoDatabase database,
      ConnectionString connectionString, TributaryServer server) {
    assertThat(server).isSameAs(classServer);
    assertThat(database.getName()).isEqualTo("inventory");
    assertThat(connectionString.getHosts()).containsExactly("127.0.0.1:" + server.port());

    database.getCollection("items").insertOne(new Document("_id", "kettle"));
    client.getDatabase("other").getCollection("things").insertOne(new Document("_id", 1));

    assertThat(client.listDatabaseNames()).contains("inventory", "other");
  }

  @Test
  @Order(2)
  void theNextTestFindsTheSameServerWithEveryDatabaseDropped(MongoClient client, TributaryServer server) {
    assertThat(server).isSameAs(classServer);
    assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("inventory", "other");
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterClassesServer(TributaryServer server, MongoDatabase database) {
      assertThat(server).isSameAs(classServer);
      assertThat(database.getName()).isEqualTo("inventory");
    }
  }
}
