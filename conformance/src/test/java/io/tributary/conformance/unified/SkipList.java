package io.tributary.conformance.unified;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one list of tests skipped for a reason other than their own requirements, read from {@code
 * conformance/src/test/resources/skips.txt}. Each line is {@code <pattern> | <reason>}, where the
 * pattern is a test's {@link SpecTest#key()} in which {@code *} matches any text (a whole file:
 * {@code crud/count: *}; a family of files: {@code crud/*-rawdata: *}). Blank lines and lines
 * starting with {@code #} are comments.
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

  private record Entry(Pattern pattern, String reason) {
    Entry(String glob, String reason) {
      this(Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
          .collect(Collectors.joining(".*"))), reason);
    }

    boolean covers(String key) {
      return pattern.matcher(key).matches();
    }
  }
}
