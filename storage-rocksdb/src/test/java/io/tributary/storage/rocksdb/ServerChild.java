package io.tributary.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server process the crash tests kill: {@code DBPATH} runs a rocksdb-backed server on a free port, reports
 * {@code listening CONNECTION_STRING} on stdout and serves until killed.
 */
final class ServerChild {
  private ServerChild() {}

  public static void main(String[] args) throws InterruptedException {
    TributaryServer server = Tributary.builder().dataDirectory(Path.of(args[0])).port(0).start();
    System.out.println("listening " + server.connectionString());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** A running child: the process and the connection string it reported. */
  record Running(Process process, String connectionString) {}

  /** Starts a child on {@code dbpath} (its stderr goes to {@code stderr}) and waits until it listens. */
  static Running start(Path dbpath, Path stderr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ServerChild.class.getName(), dbpath.toString()).redirectError(stderr.toFile()).start();
    String line = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8)).readLine();
    if (line == null || !line.startsWith("listening ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the server did not start: " + Files.readString(stderr));
    }
    return new Running(process, line.substring("listening ".length()));
  }
}
