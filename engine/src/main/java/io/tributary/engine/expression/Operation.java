package io.tributary.engine.expression;

import java.util.List;
import org.bson.BsonValue;

/** An operator that needs only its evaluated arguments (null for missing) to compute its value. */
@FunctionalInterface
interface Operation {
  BsonValue apply(List<BsonValue> arguments);
}
