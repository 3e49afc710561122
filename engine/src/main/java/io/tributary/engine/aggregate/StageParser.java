package io.tributary.engine.aggregate;

import io.tributary.engine.expression.ParseContext;
import org.bson.BsonValue;

/** Parses the specification of one stage ({@code {$limit: 5}} gives it {@code 5}). */
@FunctionalInterface
interface StageParser {
  Stage parse(BsonValue spec, ParseContext context);
}
