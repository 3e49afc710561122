package io.tributary.conformance.unified;

import java.util.Arrays;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * A version string as the unified test format defines it: {@code major[.minor[.patch]]}, missing
 * components are zero and anything after the patch component (pre-release tags) is discarded.
 * Immutable.
 */
// spec: unified-test-format.md#version-string
public record Version(int major, int minor, int patch) implements Comparable<Version> {

  /** Parses {@code "4.9.0-alpha4-271-g7d5cf02"} as 4.9.0 and {@code "4.2"} as 4.2.0. */
  public static Version parse(String text) {
    String[] parts = text.split("-", 2)[0].split("\\.");
    int[] numbers = new int[3];
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      numbers[i] = Integer.parseInt(parts[i]);
    }
    return new Version(numbers[0], numbers[1], numbers[2]);
  }

  /** Reads the first three elements of {@code buildInfo.versionArray}; the rest are discarded. */
  public static Version fromVersionArray(BsonArray versionArray) {
    List<BsonValue> values = versionArray.getValues();
    int[] numbers = new int[3];
    for (int i = 0; i < Math.min(3, values.size()); i++) {
      numbers[i] = values.get(i).asNumber().intValue();
    }
    return new Version(numbers[0], numbers[1], numbers[2]);
  }

  @Override
  public int compareTo(Version other) {
    return Arrays.compare(new int[] {major, minor, patch},
        new int[] {other.major, other.minor, other.patch});
  }

  public boolean isAtLeast(Version other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
