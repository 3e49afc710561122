package io.tributary.conformance.clients;

import io.tributary.conformance.unified.SpecLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Node.js and the npm packages the real-client tests drive ({@code mongosh}, {@code mongodb}),
 * installed by {@code .ci/run} with {@code npm install} into {@code conformance/src/test/node}
 * (or the folder named by {@code -Dconformance.nodeModules}), and runs a script to completion with
 * a bounded wait. Tests skip, through an assumption, only when Node or the packages are absent.
 * Stateless.
 */
final class NodeTooling {

  private static final long TIMEOUT_SECONDS = 120;

  private NodeTooling() {}

  /** The {@code node_modules} folder holding {@code package}; aborts the test if absent or Node is missing. */
  static Path requireModules(String packageName) {
    Assumptions.assumeTrue(commandWorks("node", "--version"), "node is not installed");
    String configured = System.getProperty("conformance.nodeModules");
    Path modules = configured != null ? Path.of(configured)
        : SpecLocation.projectRoot().resolve("conformance/src/test/node/node_modules");
    Assumptions.assumeTrue(Files.isDirectory(modules.resolve(packageName)),
        packageName + " is not installed in " + modules + " (npm install --prefix conformance/src/test/node)");
    return modules;
  }

  /** A script from the test resources, as a file path. */
  static Path script(String name) {
    return SpecLocation.projectRoot().resolve("conformance/src/test/resources/clients").resolve(name);
  }

  /**
   * Runs the command with {@code NODE_PATH} set, requires exit code 0, and returns the document
   * printed on its {@code RESULT <json>} line.
   */
  static BsonDocument runForResult(Path modules, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NODE_PATH", modules.toString());
    builder.environment().put("DO_NOT_TRACK", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    List<String> output = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(output::add);
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command + "\n" + String.join("\n", output));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("exit " + process.exitValue() + ": " + command + "\n" + String.join("\n", output));
    }
    return output.stream().filter(line -> line.startsWith("RESULT ")).reduce((a, b) -> b)
        .map(line -> BsonDocument.parse(line.substring("RESULT ".length())))
        .orElseThrow(() -> new AssertionError("no RESULT line from " + command + "\n" + String.join("\n", output)));
  }

  private static boolean commandWorks(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
