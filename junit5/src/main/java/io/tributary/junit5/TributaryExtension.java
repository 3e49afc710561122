package io.tributary.junit5;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that runs an in-memory Tributary server for tests and injects {@link MongoClient},
 * {@link MongoDatabase}, {@link ConnectionString} and {@link TributaryServer} parameters. Use it through
 * {@link TributaryTest @TributaryTest}, or register it in a static field to configure the server:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TributaryExtension tributary = TributaryExtension.serverPerClass()
 *     .withDatabase("shop")
 *     .withServer(server -> server.setParameter("enableTestCommands", "1"));
 * }</pre>
 *
 * <p>With {@link ServerLifecycle#PER_CLASS} the server starts before the class's first test (nested classes share
 * it) and every non-internal database is dropped after each test; with {@link ServerLifecycle#PER_TEST} each test
 * gets a new server. The server and its client live in the JUnit store of the class or test they belong to, so
 * concurrent test classes never share one.
 *
 * <p>Immutable and thread-safe; the {@code with*} methods return new extensions. The accessors
 * ({@link #client()} etc.) name the server of the test running now and are meant for the common sequential case;
 * with parallel execution inside one class, inject parameters instead.
 */
public final class TributaryExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TributaryExtension.class);

  /** The settings given in code, or null to read them from {@code @TributaryTest}. */
  private final Settings configured;
  private volatile Current current;

  /** The extension as {@code @TributaryTest} (or {@code @ExtendWith}) creates it: settings from the annotation. */
  public TributaryExtension() {
    this(null);
  }

  private TributaryExtension(Settings configured) {
    this.configured = configured;
  }

  /** One server for the test class; databases are dropped after each test. */
  public static TributaryExtension serverPerClass() {
    return new TributaryExtension(Settings.DEFAULT);
  }

  /** A new server for every test. */
  public static TributaryExtension serverPerTest() {
    return new TributaryExtension(Settings.DEFAULT.withLifecycle(ServerLifecycle.PER_TEST));
  }

  /** The database injected as {@link MongoDatabase} and returned by {@link #database()} ({@code test} by default). */
  public TributaryExtension withDatabase(String name) {
    return new TributaryExtension(settings().withDatabase(name));
  }

  /** Adjusts each server before it starts (it is already in memory, on port 0); adjustments accumulate. */
  public TributaryExtension withServer(Consumer<Tributary.Builder> configuration) {
    return new TributaryExtension(settings().withServer(configuration));
  }

  /** The running server's {@code mongodb://127.0.0.1:<port>/}. */
  public String connectionString() {
    return current().server().server().connectionString();
  }

  /** The client of the running server; the extension closes it. */
  public MongoClient client() {
    return current().server().client();
  }

  /** The configured database of the running server. */
  public MongoDatabase database() {
    Current running = current();
    return running.server().client().getDatabase(running.database());
  }

  public TributaryServer server() {
    return current().server().server();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).lifecycle() == ServerLifecycle.PER_CLASS) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).lifecycle() == ServerLifecycle.PER_TEST) {
      start(context);
    }
    current = new Current(running(context), settings(context).database());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    current = null;
    if (settings(context).lifecycle() == ServerLifecycle.PER_TEST) {
      stop(context);
    } else {
      running(context).dropUserDatabases();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MongoClient.class || type == MongoDatabase.class || type == ConnectionString.class
        || type == TributaryServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningServer running = running(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == MongoClient.class) {
      return running.client();
    }
    if (type == MongoDatabase.class) {
      return running.client().getDatabase(settings(context).database());
    }
    if (type == ConnectionString.class) {
      return running.connectionString();
    }
    return running.server();
  }

  /** Starts a server in this context unless an enclosing class's server already serves it. */
  private void start(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(RunningServer.class, RunningServer.class) == null) {
      store.put(RunningServer.class, RunningServer.start(settings(context).server()));
    }
  }

  /** Closes the server this very context started, if any (a nested class leaves its outer class's alone). */
  private static void stop(ExtensionContext context) {
    RunningServer running = context.getStore(NAMESPACE).remove(RunningServer.class, RunningServer.class);
    if (running != null) {
      running.close();
    }
  }

  /** The server of this context or the nearest enclosing one (store lookups search parent contexts). */
  private RunningServer running(ExtensionContext context) {
    RunningServer running = context.getStore(NAMESPACE).get(RunningServer.class, RunningServer.class);
    if (running == null) {
      throw new ParameterResolutionException("no Tributary server here: with ServerLifecycle.PER_TEST the server "
          + "exists only for a test, so inject it into test methods or @BeforeEach/@AfterEach methods");
    }
    return running;
  }

  private Current current() {
    Current running = current;
    if (running == null) {
      throw new IllegalStateException("no test is running with a Tributary server");
    }
    return running;
  }

  private Settings settings() {
    return Objects.requireNonNullElse(configured, Settings.DEFAULT);
  }

  private Settings settings(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    return annotation(context).map(a -> Settings.DEFAULT.withLifecycle(a.lifecycle()).withDatabase(a.database()))
        .orElse(Settings.DEFAULT);
  }

  /** The {@code @TributaryTest} of the test class or of the nearest enclosing class that has one. */
  private static Optional<TributaryTest> annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<TributaryTest> found = c.get().getTestClass()
          .flatMap(type -> AnnotationSupport.findAnnotation(type, TributaryTest.class));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The server of the running test and the database name the accessors use. */
  private record Current(RunningServer server, String database) {}

  /** What the extension runs. Immutable. */
  private record Settings(ServerLifecycle lifecycle, String database, Consumer<Tributary.Builder> server) {
    static final Settings DEFAULT = new Settings(ServerLifecycle.PER_CLASS, "test", builder -> { });

    Settings withLifecycle(ServerLifecycle value) {
      return new Settings(value, database, server);
    }

    Settings withDatabase(String value) {
      return new Settings(lifecycle, value, server);
    }

    Settings withServer(Consumer<Tributary.Builder> value) {
      return new Settings(lifecycle, database, server.andThen(value));
    }
  }
}
