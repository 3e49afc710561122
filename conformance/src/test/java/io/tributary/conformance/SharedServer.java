package io.tributary.conformance;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server for the whole test run, shared by every conformance test class that registers this
 * extension: an embedded in-memory Tributary started on a free port with test commands enabled, or
 * the deployment named by {@code -Dconformance.uri=mongodb://…}. It is stopped when the run ends.
 * Thread-safe.
 */
public final class SharedServer implements BeforeAllCallback {

  private static volatile Handle handle;

  @Override
  public void beforeAll(ExtensionContext context) {
    handle = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedServer.class, key -> start(), Handle.class);
  }

  /** The connection string of the shared server; call after the extension ran. */
  public static String connectionString() {
    if (handle == null) {
      throw new IllegalStateException("register @ExtendWith(SharedServer.class)");
    }
    return handle.connectionString();
  }

  private static Handle start() {
    String uri = System.getProperty("conformance.uri");
    if (uri != null && !uri.isBlank()) {
      return new Handle(uri, () -> { });
    }
    return EmbeddedServer.start();
  }

  /** A running server and how to stop it. */
  record Handle(String connectionString, AutoCloseable server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
