package io.tributary.engine.update;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;

/**
 * Checks on the paths an update names (mongod's {@code fieldchecker}): no empty components, at most one
 * positional {@code $} and never first, and the recognition of {@code $[]} / {@code $[identifier]}. Stateless.
 */
final class UpdatePaths {
  private UpdatePaths() {}

  /** Parses and checks an update path. */
  static FieldPath parse(String dotted) {
    if (dotted.isEmpty()) {
      throw ErrorCode.EMPTY_FIELD_NAME.error("An empty update path is not valid.");
    }
    FieldPath path = FieldPath.parse(dotted);
    if (path.parts().contains("")) {
      throw ErrorCode.EMPTY_FIELD_NAME.error(
          "The update path '" + dotted + "' contains an empty field name, which is not allowed.");
    }
    long positional = path.parts().stream().filter("$"::equals).count();
    if (positional > 1) {
      throw ErrorCode.BAD_VALUE.error("Too many positional (i.e. '$') elements found in path '" + dotted + "'");
    }
    if (positional == 1 && path.part(0).equals("$")) {
      throw ErrorCode.BAD_VALUE.error(
          "Cannot have positional (i.e. '$') element in the first position in path '" + dotted + "'");
    }
    return path;
  }

  /** True for {@code $[]} and {@code $[identifier]}. */
  static boolean isArrayFilterIdentifier(String part) {
    return part.length() >= 3 && part.startsWith("$[") && part.endsWith("]");
  }

  /** The identifier inside {@code $[identifier]} ("" for {@code $[]}). */
  static String identifier(String part) {
    return part.substring(2, part.length() - 1);
  }

  /** True when the path has a positional or array filter component. */
  static boolean isDynamic(FieldPath path) {
    return path.parts().stream().anyMatch(part -> part.equals("$") || isArrayFilterIdentifier(part));
  }
}
