package io.tributary.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The servers under test, each started on a free port of 127.0.0.1 and reached through the MongoDB Java driver. */
final class Servers {
  private Servers() {}

  /** A running server and how to reach it. */
  interface Running extends AutoCloseable {
    String name();

    String connectionString();

    @Override
    void close();

    default MongoClient client() {
      return MongoClients.create(MongoClientSettings.builder()
          .applyConnectionString(new ConnectionString(connectionString() + "?directConnection=true"))
          .applyToConnectionPoolSettings(pool -> pool.maxSize(64))
          .applyToSocketSettings(socket -> socket.readTimeout(60, TimeUnit.SECONDS))
          .build());
    }
  }

  /**
   * The in-memory server's oplog size: the default (990 MB, counted in stored bytes) would let the oplog of a long
   * run outgrow the benchmark's fixed heap, and the figures would then measure the garbage collector.
   */
  private static final long IN_MEMORY_OPLOG_MEGABYTES = 200;

  /** Tributary in memory. */
  static Tributarian tributaryInMemory() {
    return new Tributarian("Tributary (inMemory)",
        Tributary.builder().inMemory().oplogSizeMegabytes(IN_MEMORY_OPLOG_MEGABYTES).port(0).start(), null);
  }

  /** Tributary on RocksDB in a fresh temporary directory (deleted on close), with the given clock. */
  static Tributarian tributaryRocksDb(Clock clock) {
    try {
      Path directory = Files.createTempDirectory("tributary-bench");
      return new Tributarian("Tributary (rocksdb)",
          Tributary.builder().dataDirectory(directory).clock(clock).port(0).start(), directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The peer: mongo-java-server with its memory backend and the oplog that its change streams need. */
  static Running peer() {
    MemoryBackend backend = new MemoryBackend();
    backend.enableOplog();
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/";
    return new Running() {
      @Override
      public String name() {
        return "mongo-java-server 1.47.0 (memory)";
      }

      @Override
      public String connectionString() {
        return uri;
      }

      @Override
      public void close() {
        server.shutdownNow();
      }
    };
  }

  /** A running Tributary; gives benchmarks its engine for in-process watchers. */
  record Tributarian(String name, TributaryServer server, Path directory) implements Running {
    @Override
    public String connectionString() {
      return server.connectionString();
    }

    @Override
    public void close() {
      server.close();
      if (directory != null) {
        deleteTree(directory);
      }
    }
  }

  static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
