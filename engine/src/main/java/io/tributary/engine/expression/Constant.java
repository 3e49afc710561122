package io.tributary.engine.expression;

import org.bson.BsonValue;

/** A value known at parse time ({@code $literal}, a plain string or number, {@code $$REMOVE} as null). */
public record Constant(BsonValue value) implements Expression {
  @Override
  public BsonValue evaluate(Scope scope) {
    return value;
  }
}
