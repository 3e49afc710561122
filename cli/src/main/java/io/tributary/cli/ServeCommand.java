package io.tributary.cli;

import io.tributary.engine.storage.StorageException;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary serve}: runs the server with mongod's option names, prints exactly one line to stdout when it
 * accepts connections ({@code waiting for connections on host:port}), and shuts down cleanly on SIGTERM/SIGINT.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the database server.")
final class ServeCommand implements Callable<Integer> {
  /** The storage engine used unless {@code --storageEngine} says otherwise. */
  static final String DEFAULT_STORAGE_ENGINE = Tributary.ROCKSDB;

  @Option(names = "--port", defaultValue = "27017", description = "TCP port to listen on (0: any free port).")
  int port;

  @Option(names = "--bind_ip", defaultValue = "127.0.0.1", description = "Address to listen on.")
  String bindIp;

  @Option(names = "--dbpath", defaultValue = "./data", description = "Data directory for durable storage.")
  Path dbPath;

  @Option(names = "--storageEngine", defaultValue = DEFAULT_STORAGE_ENGINE,
      description = "inMemory or rocksdb (default: ${DEFAULT-VALUE}).")
  String storageEngine;

  @Option(names = "--replSet", defaultValue = "rs0", description = "Replica set name.")
  String replSet;

  @Option(names = "--oplogSize", description = "Oplog size in megabytes.")
  Long oplogSizeMegabytes;

  @Option(names = "--oplogMinRetentionHours", description = "Keep oplog entries at least this many hours.")
  Double oplogMinRetentionHours;

  @Option(names = "--setParameter", description = "NAME=VALUE server parameter (repeatable), "
      + "e.g. enableTestCommands=1.")
  Map<String, String> parameters = Map.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    TributaryServer server;
    try {
      server = start();
    } catch (StorageException e) {
      // The message is written for the operator (e.g. "dbpath DIR is in use by another process"); a stack trace
      // would only bury it.
      return refuse(e.getMessage());
    } catch (BindException e) {
      return refuse("cannot listen on " + bindIp + ":" + port + ": " + e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      // Like mongod, a clean shutdown on SIGTERM/SIGINT exits 0 (the JVM would report 128 + signal).
      Runtime.getRuntime().halt(0);
    }, "tributary-shutdown"));
    PrintStream out = System.out;
    out.println("waiting for connections on " + bindIp + ":" + server.port());
    out.flush();
    Thread.currentThread().join(); // serve until the shutdown hook ends the process
    return 0;
  }

  private int refuse(String message) {
    spec.commandLine().getErr().println("tributary serve: " + message);
    return 1;
  }

  /** Starts the server as the options say. */
  TributaryServer start() throws IOException {
    if (storageEngine.equals(Tributary.ROCKSDB)) {
      Files.createDirectories(dbPath);
    }
    Tributary.Builder builder = Tributary.builder()
        .bindIp(bindIp)
        .port(port)
        .dataDirectory(dbPath)
        .storageEngine(storageEngine)
        .replicaSetName(replSet)
        .argv(argv());
    if (oplogSizeMegabytes != null) {
      builder.oplogSizeMegabytes(oplogSizeMegabytes);
    }
    if (oplogMinRetentionHours != null) {
      builder.oplogMinRetentionHours(oplogMinRetentionHours);
    }
    parameters.forEach(builder::setParameter);
    return builder.start();
  }

  /** The program name and every argument as given (picocli's original arguments start at the subcommand). */
  private List<String> argv() {
    List<String> argv = new ArrayList<>(List.of("tributary"));
    argv.addAll(spec.commandLine().getParseResult().originalArgs());
    return argv;
  }
}
