package io.tributary.engine.command.admin;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonInt32;

/**
 * The MongoDB version Tributary claims, in one place. Drivers and test runners gate features on it
 * ({@code buildInfo.version}, {@code versionArray}, {@code maxWireVersion}), so it is a promise about behaviour:
 * 7.0 means wire version 21 (spec: wireversion-featurelist.md).
 */
public final class ServerVersion {
  public static final int MAJOR = 7;
  public static final int MINOR = 0;
  public static final int PATCH = 0;
  public static final String VERSION = MAJOR + "." + MINOR + "." + PATCH;
  /** The feature compatibility version, {@code getParameter}'s {@code featureCompatibilityVersion.version}. */
  public static final String FEATURE_COMPATIBILITY_VERSION = MAJOR + "." + MINOR;
  public static final int MIN_WIRE_VERSION = 0;
  public static final int MAX_WIRE_VERSION = 21;

  private ServerVersion() {}

  /** {@code [major, minor, patch, 0]} as Int32s: drivers read it with {@code asInt32}. */
  public static BsonArray versionArray() {
    return new BsonArray(List.of(new BsonInt32(MAJOR), new BsonInt32(MINOR), new BsonInt32(PATCH),
        new BsonInt32(0)));
  }
}
