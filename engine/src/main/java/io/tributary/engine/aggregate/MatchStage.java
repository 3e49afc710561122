package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.query.Matcher;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $match}: keeps the documents the query filter matches. A filter with {@code $expr} is compiled against
 * the run's variables ({@code $$NOW}, the command's and {@code $lookup}'s {@code let}); it is checked once at
 * parse time with the variable names, then compiled once per set of variables and reused while they stay the
 * same (a whole run, or one {@code $lookup} input document). A filter compares strings under the run's collation.
 */
final class MatchStage implements DocumentStage {
  static final String NAME = "$match";

  /** The matcher compiled for one set of variables. */
  private record Compiled(SystemVariables variables, Matcher matcher) {}

  private final BsonDocument filter;
  private final Matcher constant;
  // Single-entry cache; a stale read only costs a recompilation.
  private volatile Compiled last;

  private MatchStage(BsonDocument filter, Matcher constant) {
    this.filter = filter;
    this.constant = constant;
  }

  static MatchStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15959).error("the match filter must be an expression in an object");
    }
    BsonDocument filter = spec.asDocument();
    if (!mentionsExpr(filter)) {
      return new MatchStage(filter, Matcher.compile(filter));
    }
    BsonDocument names = new BsonDocument();
    context.variables().forEach(name -> names.put(name, BsonNull.VALUE));
    Matcher.compile(filter, new SystemVariables(null, null, names));
    return new MatchStage(filter.clone(), null);
  }

  private static boolean mentionsExpr(BsonValue value) {
    if (value.isDocument()) {
      for (var field : value.asDocument().entrySet()) {
        if (field.getKey().equals("$expr") || mentionsExpr(field.getValue())) {
          return true;
        }
      }
    }
    return value.isArray() && value.asArray().stream().anyMatch(MatchStage::mentionsExpr);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The matcher of a filter that needs no variables (no {@code $expr}) under the simple collation, else null. */
  Matcher constant() {
    return constant;
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    return matcher(execution.variables()).matches(document) ? document : null;
  }

  private Matcher matcher(SystemVariables variables) {
    if (constant != null && variables.collation().isSimple()) {
      return constant;
    }
    Compiled compiled = last;
    if (compiled == null || compiled.variables() != variables) {
      compiled = new Compiled(variables, Matcher.compile(filter, variables));
      last = compiled;
    }
    return compiled.matcher();
  }
}
