package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** One variable binding on top of a parent scope. */
record BoundScope(Scope parent, String name, BsonValue value) implements Scope {
  @Override
  public BsonDocument root() {
    return parent.root();
  }

  @Override
  public Collation collation() {
    return parent.collation();
  }

  @Override
  public BsonValue variable(String variable) {
    return name.equals(variable) ? value : parent.variable(variable);
  }
}
