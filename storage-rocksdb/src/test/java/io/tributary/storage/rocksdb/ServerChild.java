package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.nio.file.Path;

/**
 * The server process {@link ServerCrashTest} kills: {@code DBPATH} runs a rocksdb-backed server on a free port,
 * reports {@code listening CONNECTION_STRING} on stdout and serves until killed.
 */
final class ServerChild {
  private ServerChild() {}

  public static void main(String[] args) throws InterruptedException {
    TributaryServer server = Tributary.builder().dataDirectory(Path.of(args[0])).port(0).start();
    System.out.println("listening " + server.connectionString());
    System.out.flush();
    Thread.currentThread().join();
  }
}
