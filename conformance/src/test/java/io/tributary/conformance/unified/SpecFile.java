package io.tributary.conformance.unified;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One unified-format test file, parsed as Extended JSON (relaxed and canonical alike), with the
 * suite it belongs to. Immutable apart from the parsed document, which callers must not modify.
 *
 * @param suite the suite's name as reported, e.g. {@code crud}
 * @param name the file name without {@code .json}
 * @param document the whole file
 */
public record SpecFile(String suite, String name, BsonDocument document) {

  /** The newest schema version this runner implements; files of major 1 up to it are compatible. */
  public static final Version SUPPORTED_SCHEMA = new Version(1, 28, 0);

  public static SpecFile load(String suite, Path file) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      return new SpecFile(suite, name, BsonDocument.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code *.json} file of a folder (not recursing), sorted by name. */
  public static List<SpecFile> loadAll(String suite, Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted()
          .map(f -> load(suite, f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when this runner may process the file (same major schema version, not newer). */
  public boolean schemaSupported() {
    Version version = Version.parse(document.getString("schemaVersion").getValue());
    return version.major() == SUPPORTED_SCHEMA.major() && SUPPORTED_SCHEMA.isAtLeast(version);
  }

  public BsonArray runOnRequirements() {
    return document.getArray("runOnRequirements", new BsonArray());
  }

  /** The file's tests, with duplicate descriptions made unique by a {@code (2)}, {@code (3)} suffix. */
  public List<SpecTest> tests() {
    List<SpecTest> tests = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (BsonValue test : document.getArray("tests")) {
      String description = test.asDocument().getString("description").getValue();
      int occurrence = seen.merge(description, 1, Integer::sum);
      tests.add(new SpecTest(this, occurrence == 1 ? description : description + " (" + occurrence + ")",
          test.asDocument()));
    }
    return tests;
  }
}
