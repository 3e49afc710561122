package io.tributary.conformance;

import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.util.List;

/**
 * Starts the embedded in-memory Tributary for {@link SharedServer}: a free port on 127.0.0.1 and
 * test commands enabled, as {@code --setParameter enableTestCommands=1} would.
 */
final class EmbeddedServer {

  private EmbeddedServer() {}

  static SharedServer.Handle start() {
    TributaryServer server = Tributary.builder().inMemory().port(0)
        .setParameter("enableTestCommands", "1")
        .argv(List.of("tributary", "--setParameter", "enableTestCommands=1"))
        .start();
    return new SharedServer.Handle(server.connectionString(), server);
  }
}
