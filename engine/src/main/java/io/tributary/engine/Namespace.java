package io.tributary.engine;

import io.tributary.engine.error.ErrorCode;
import java.util.Objects;

/**
 * A database and collection name pair, MongoDB's {@code "db.collection"}. Immutable and thread-safe; equal when
 * both names are. A class rather than a record so that it can keep its full name, which every read reply and
 * change event spells out: a long-lived instance (the catalog's) builds it once.
 *
 * <p>Validation follows MongoDB: a database name is non-empty, has no {@code /\. "$} characters and is shorter
 * than 64 bytes; a collection name is non-empty, has no {@code $} (except the {@code $cmd} pseudo-collections)
 * and no NUL. Invalid names fail with {@code InvalidNamespace} (73).
 */
public final class Namespace {
  private static final int MAX_DB_NAME_LENGTH = 64;
  private static final String FORBIDDEN_IN_DB_NAME = "/\\. \"$\0";

  private final String db;
  private final String collection;
  private String fullName; // racy single-check caching, as String.hash: every thread computes the same value

  /** An unvalidated namespace ({@link #of} validates). */
  public Namespace(String db, String collection) {
    this.db = Objects.requireNonNull(db, "db");
    this.collection = Objects.requireNonNull(collection, "collection");
  }

  /** Parses {@code "db.coll"}; the collection part may itself contain dots. */
  public static Namespace parse(String fullName) {
    int dot = fullName.indexOf('.');
    if (dot <= 0 || dot == fullName.length() - 1) {
      throw ErrorCode.INVALID_NAMESPACE.error("Invalid namespace specified '" + fullName + "'");
    }
    return of(fullName.substring(0, dot), fullName.substring(dot + 1));
  }

  /** A validated namespace. */
  public static Namespace of(String db, String collection) {
    validateDatabaseName(db);
    if (collection.isEmpty() || collection.indexOf('\0') >= 0
        || (collection.indexOf('$') >= 0 && !collection.startsWith("$cmd"))) {
      throw ErrorCode.INVALID_NAMESPACE.error("Invalid collection name: " + collection);
    }
    return new Namespace(db, collection);
  }

  public static void validateDatabaseName(String db) {
    if (db.isEmpty() || db.length() >= MAX_DB_NAME_LENGTH || hasForbiddenCharacter(db)) {
      throw ErrorCode.INVALID_NAMESPACE.error("Invalid database name: '" + db + "'");
    }
  }

  /** A plain loop, not a char stream: every request validates its database name. */
  private static boolean hasForbiddenCharacter(String db) {
    for (int i = 0; i < db.length(); i++) {
      if (FORBIDDEN_IN_DB_NAME.indexOf(db.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  public String db() {
    return db;
  }

  public String collection() {
    return collection;
  }

  public String fullName() {
    String name = fullName;
    if (name == null) {
      name = db + "." + collection;
      fullName = name;
    }
    return name;
  }

  /** True for {@code system.*} collections, which user change streams and user writes do not see. */
  public boolean isSystem() {
    return collection.startsWith("system.");
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Namespace that && collection.equals(that.collection) && db.equals(that.db);
  }

  /** As a record of {@code (db, collection)} would hash: hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    return 31 * db.hashCode() + collection.hashCode();
  }

  @Override
  public String toString() {
    return fullName();
  }
}
