package io.tributary.engine.expression;

import org.bson.BsonValue;

/** Parses the operand of one expression operator ({@code $add: [...]}) into an expression. */
@FunctionalInterface
interface OperatorParser {
  Expression parse(BsonValue operand, ParseContext context);
}
