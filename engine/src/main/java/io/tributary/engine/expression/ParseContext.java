package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What the expression parser knows about its surroundings: the user variables in scope (from the command's
 * {@code let}, {@code $lookup}'s {@code let}, {@code $let}, {@code $map}...). Immutable and thread-safe.
 */
public record ParseContext(Set<String> variables) {
  public static final ParseContext EMPTY = new ParseContext(Set.of());

  private static final Set<String> SYSTEM =
      Set.of("ROOT", "CURRENT", "REMOVE", "NOW", "CLUSTER_TIME", "DESCEND", "PRUNE", "KEEP");

  public ParseContext {
    variables = Set.copyOf(variables);
  }

  /** A context in which the given user variables are also defined. */
  public ParseContext withVariables(Collection<String> names) {
    Set<String> all = new HashSet<>(variables);
    all.addAll(names);
    return new ParseContext(all);
  }

  /** Fails with 17276 unless {@code $$name} is a system variable or a user variable in scope. */
  void requireDefined(String name) {
    if (!SYSTEM.contains(name) && !variables.contains(name)) {
      throw ErrorCode.location(17276).error("Use of undefined variable: " + name);
    }
  }

  /** Fails like mongod when {@code name} cannot be a user variable name ({@code $let}, {@code as}). */
  public static void validateUserVariableName(String name) {
    if (name.isEmpty()) {
      throw ErrorCode.location(16869).error("empty variable names are not allowed");
    }
    char first = name.charAt(0);
    if (!(Character.isLowerCase(first) || first > 127 || (Character.isUpperCase(first) && name.equals("CURRENT")))) {
      throw ErrorCode.location(16870).error("'" + name + "' starts with an invalid character for a user variable name");
    }
    for (char c : name.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) || c == '_' || c > 127)) {
        throw ErrorCode.location(16871)
            .error("'" + name + "' contains an invalid character for a variable name: '" + c + "'");
      }
    }
  }
}
