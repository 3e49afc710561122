package io.tributary.conformance.unified;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one list of tests skipped for a reason other than their own requirements, read from {@code
 * conformance/src/test/resources/skips.txt}. Each line is {@code <key> | <reason>}, where the key is
 * a test's {@link SpecTest#key()} or ends in {@code *} to cover every test with that prefix (a whole
 * file: {@code crud/find-rawData: *}). Blank lines and lines starting with {@code #} are comments.
 * Immutable; thread-safe.
 */
public final class SkipList {

  private final List<Entry> entries;

  private SkipList(List<Entry> entries) {
    this.entries = entries;
  }

  public static SkipList load(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SkipList parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int separator = trimmed.lastIndexOf(" | ");
      if (separator < 0) {
        throw new IllegalArgumentException("skips.txt line without ' | reason': " + line);
      }
      entries.add(new Entry(trimmed.substring(0, separator).strip(), trimmed.substring(separator + 3).strip()));
    }
    return new SkipList(List.copyOf(entries));
  }

  /** The reason this test is skipped, if it is listed. */
  public Optional<String> reason(SpecTest test) {
    String key = test.key();
    return entries.stream().filter(e -> e.covers(key)).map(Entry::reason).findFirst();
  }

  private record Entry(String pattern, String reason) {
    boolean covers(String key) {
      return pattern.endsWith("*") ? key.startsWith(pattern.substring(0, pattern.length() - 1))
          : key.equals(pattern);
    }
  }
}
