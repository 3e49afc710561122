package io.tributary.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code tributary ARGS...} in a child JVM on this test's class path (so tests do not depend on the packaged jar),
 * with its stdout and stderr lines readable as they arrive. Every wait is bounded by {@link #TIMEOUT_SECONDS}, a
 * guard against a hung child, never an assertion about timing.
 */
final class CliProcess implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 120;
  private static final String END = "\u0000end of stream";

  private final Process process;
  private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> err = new LinkedBlockingQueue<>();
  private final List<String> errSeen = new ArrayList<>();

  private CliProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out, "stdout");
    pump(process.getErrorStream(), err, "stderr");
  }

  static CliProcess start(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        TributaryCommand.class.getName()));
    command.addAll(List.of(args));
    try {
      return new CliProcess(new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next stdout line; fails if the process ends first. */
  String nextLine() throws InterruptedException {
    String line = take(out);
    if (line == null) {
      throw new AssertionError("no more output; stderr: " + errSoFar());
    }
    return line;
  }

  /** Reads stderr up to the first line matching {@code expected} and returns it. */
  String awaitErr(Predicate<String> expected) throws InterruptedException {
    while (true) {
      String line = take(err);
      if (line == null) {
        throw new AssertionError("stderr ended without the expected line; it said: " + errSoFar());
      }
      errSeen.add(line);
      if (expected.test(line)) {
        return line;
      }
    }
  }

  /** The stderr lines read so far plus all that remain, once the process has ended. */
  List<String> allErr() throws InterruptedException {
    exitCode();
    for (String line = take(err); line != null; line = take(err)) {
      errSeen.add(line);
    }
    return errSeen;
  }

  /** The remaining stdout lines, once the process has ended. */
  List<String> remainingLines() throws InterruptedException {
    exitCode();
    List<String> lines = new ArrayList<>();
    for (String line = take(out); line != null; line = take(out)) {
      lines.add(line);
    }
    return lines;
  }

  /** Sends SIGTERM (what Ctrl-C or {@code kill} does) and returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    return exitCode();
  }

  /** Sends SIGKILL: the process dies at once, whatever it was doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    exitCode();
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the process did not end; stderr: " + errSoFar());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** Every stderr line so far, including those no one has waited for yet. */
  private List<String> errSoFar() {
    err.drainTo(errSeen);
    errSeen.remove(END);
    return errSeen;
  }

  /** The next line, or null once the stream has ended (the end marker stays queued) or the guard expired. */
  private static String take(BlockingQueue<String> lines) throws InterruptedException {
    String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (END.equals(line)) {
      lines.add(END);
      return null;
    }
    return line;
  }

  private static void pump(InputStream stream, BlockingQueue<String> lines, String name) {
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines::add);
      } catch (IOException | UncheckedIOException e) {
        // The process was killed; whatever it wrote before is already queued.
      } finally {
        lines.add(END);
      }
    }, "cli-" + name);
    pump.setDaemon(true);
    pump.start();
  }
}
