package io.tributary.junit5;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A server started for tests and the one client the extension hands out for it. Closing closes both. Thread-safe as
 * its parts are.
 */
record RunningServer(TributaryServer server, MongoClient client) implements AutoCloseable {
  /** Databases MongoDB itself owns; never dropped between tests. */
  private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

  /** An in-memory server on 127.0.0.1 and a free port, as {@code configuration} further adjusts it. */
  static RunningServer start(Consumer<Tributary.Builder> configuration) {
    Tributary.Builder builder = Tributary.builder().inMemory().port(0);
    configuration.accept(builder);
    TributaryServer server = builder.start();
    try {
      return new RunningServer(server, MongoClients.create(server.connectionString()));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  ConnectionString connectionString() {
    return new ConnectionString(server.connectionString());
  }

  /** Drops every database but {@code admin}, {@code config} and {@code local}, leaving the server as new. */
  void dropUserDatabases() {
    for (String name : client.listDatabaseNames()) {
      if (!INTERNAL_DATABASES.contains(name)) {
        client.getDatabase(name).drop();
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
