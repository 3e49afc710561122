package io.tributary.engine.expression;

import org.bson.BsonValue;

/** A compiled aggregation expression. Immutable and thread-safe; evaluation state lives in the scope. */
public interface Expression {
  /** The value of the expression in {@code scope}; a missing value is returned as null. */
  BsonValue evaluate(Scope scope);
}
