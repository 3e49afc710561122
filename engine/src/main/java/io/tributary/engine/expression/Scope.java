package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Variables visible to an expression while it evaluates: {@code $$ROOT}, {@code $$CURRENT}, the system variables
 * ({@code $$NOW}, {@code $$CLUSTER_TIME}), the command's {@code let} variables and {@code $let}/{@code $map}/
 * {@code $filter}/{@code $reduce} bindings. Scopes are immutable; {@link #bind} returns a child scope. Thread-safe.
 */
public interface Scope {
  /** {@code $$ROOT}: the document the pipeline stage is processing. */
  BsonDocument root();

  /**
   * The value of {@code $$name} (name without the {@code $$}), or null when it is missing. The default knows
   * only {@code ROOT} and {@code CURRENT}, so a lambda {@code () -> document} is a scope over one document.
   */
  default BsonValue variable(String name) {
    return name.equals("ROOT") || name.equals("CURRENT") ? root() : null;
  }

  /** The collation expressions compare strings by; the default is simple. */
  default Collation collation() {
    return Collation.SIMPLE;
  }

  /** A child scope in which {@code $$name} is {@code value} (null binds "missing"). */
  default Scope bind(String name, BsonValue value) {
    return new BoundScope(this, name, value);
  }

  /** The scope for evaluating expressions against {@code root}, with {@code $$CURRENT} = {@code $$ROOT}. */
  static Scope of(BsonDocument root, SystemVariables variables) {
    return new DocumentScope(root, variables);
  }
}
