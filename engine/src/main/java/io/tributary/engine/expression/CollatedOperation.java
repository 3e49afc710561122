package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import java.util.List;
import org.bson.BsonValue;

/**
 * An operation that compares strings ({@code $eq}, {@code $in}, ...), so its value depends on the command's
 * collation; {@link Call} passes the scope's.
 */
@FunctionalInterface
interface CollatedOperation extends Operation {
  BsonValue apply(List<BsonValue> arguments, Collation collation);

  @Override
  default BsonValue apply(List<BsonValue> arguments) {
    return apply(arguments, Collation.SIMPLE);
  }
}
