package io.tributary.conformance.unified;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tests known to pass ({@code conformance/src/test/resources/expected-pass.txt}, one {@link
 * SpecTest#key()} per line): a listed test that fails is a regression and fails the build; an
 * unlisted one may fail and is only reported. {@link #rewrite} regenerates the entries of the suites
 * a run covered and keeps the others. Immutable; thread-safe.
 */
public final class ExpectedPassList {

  private final Path file;
  private final Set<String> keys;

  private ExpectedPassList(Path file, Set<String> keys) {
    this.file = file;
    this.keys = keys;
  }

  public static ExpectedPassList load(Path file) {
    try {
      Set<String> keys = Files.exists(file)
          ? Files.readAllLines(file).stream().map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet())
          : Set.of();
      return new ExpectedPassList(file, keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean contains(SpecTest test) {
    return keys.contains(test.key());
  }

  /** Replaces the entries of {@code suites} with {@code passed}, keeping other suites' entries. */
  public void rewrite(Collection<String> suites, Collection<String> passed) {
    Set<String> lines = new TreeSet<>(passed);
    keys.stream().filter(k -> suites.stream().noneMatch(s -> k.startsWith(s + "/"))).forEach(lines::add);
    try {
      Files.writeString(file, "# Tests known to pass; regenerate with -Dconformance.updateExpected=true\n"
          + String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
