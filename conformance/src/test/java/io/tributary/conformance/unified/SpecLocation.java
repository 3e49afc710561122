package io.tributary.conformance.unified;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project checkout and the official specification tests beside it at test time. The
 * tests are never copied into the project: they are read from {@code shared/specs} in the nearest
 * ancestor of the checkout that holds one (so {@code ../shared/specs} for a clone next to {@code
 * shared/}), or from the folder named by the {@code conformance.specs} system property.
 */
public final class SpecLocation {

  private SpecLocation() {}

  /** The checkout root: the nearest ancestor of the working directory holding {@code conformance/pom.xml}. */
  public static Path projectRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("conformance").resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no Tributary checkout above " + start);
  }

  /** The {@code specs} folder: the system property, else {@code shared/specs} found walking up. */
  public static Path specsRoot() {
    String configured = System.getProperty("conformance.specs");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = projectRoot(); dir != null; dir = dir.getParent()) {
      Path specs = dir.resolve("shared").resolve("specs");
      if (Files.isDirectory(specs)) {
        return specs;
      }
    }
    throw new IllegalStateException("no shared/specs beside the checkout " + projectRoot()
        + "; set -Dconformance.specs=<path>");
  }
}
