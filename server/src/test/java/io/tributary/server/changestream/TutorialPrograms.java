package io.tributary.server.changestream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Python programs of the seed tutorial ({@code seed/change-streams-python-tutorial.txt}, a verbatim copy of
 * {@code shared/seed}), extracted as written: each program starts at an {@code import os} line and ends where the
 * tutorial's prose resumes.
 */
final class TutorialPrograms {
  private static final Pattern PROSE = Pattern.compile("^[A-Z][a-z]+[ ,].*");

  private final List<String> programs;

  private TutorialPrograms(List<String> programs) {
    this.programs = programs;
  }

  static TutorialPrograms load() throws IOException {
    try (InputStream in = TutorialPrograms.class.getResourceAsStream("/seed/change-streams-python-tutorial.txt")) {
      return new TutorialPrograms(extract(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /** The first program containing {@code marker}. */
  String containing(String marker) {
    return programs.stream().filter(p -> p.contains(marker)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no tutorial program contains " + marker));
  }

  private static List<String> extract(String text) {
    List<String> found = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (line.equals("import os")) {
        current = new StringBuilder();
      } else if (current != null && PROSE.matcher(line).matches()) {
        found.add(current.toString().strip() + "\n");
        current = null;
      }
      if (current != null) {
        current.append(line).append('\n');
      }
    }
    return found;
  }
}
