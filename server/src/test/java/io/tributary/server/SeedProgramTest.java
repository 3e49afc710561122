package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tutorial's first program ({@code test.py}, verbatim) against the server, with Debian's pymongo 3.11. */
class SeedProgramTest extends ServerTestSupport {
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void testPyPrintsTheInsertedObjectId() throws Exception {
    assumeTrue(pythonHasPymongo(), PYTHON + " cannot import pymongo");
    Path script = Files.createTempFile("test", ".py");
    try (InputStream source = getClass().getResourceAsStream("/seed/test.py")) {
      Files.write(script, source.readAllBytes());
    }
    try {
      ProcessBuilder process = new ProcessBuilder(PYTHON, script.toString()).redirectErrorStream(true);
      process.environment().put("CHANGE_STREAM_DB", server().connectionString());
      Process python = process.start();
      String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output.strip()).as(output).matches("[0-9a-f]{24}");
      assertThat(python.exitValue()).isZero();
    } finally {
      Files.delete(script);
    }
  }

  private static boolean pythonHasPymongo() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    Process check = new ProcessBuilder(PYTHON, "-c", "import pymongo").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
  }
}
