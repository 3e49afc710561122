package io.tributary.engine.expression;

import org.bson.BsonDocument;

/** Variables visible to an expression: {@code $$ROOT}, {@code $$CURRENT}, {@code $let} bindings. */
public interface Scope {
  BsonDocument root();
}
