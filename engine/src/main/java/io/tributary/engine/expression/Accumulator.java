package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import org.bson.BsonValue;

/**
 * The running state of one accumulator ({@code $sum}, {@code $push}...) over a group or an array. Not
 * thread-safe: one instance per group and run.
 */
public interface Accumulator {
  /** Takes one value; null stands for missing. */
  void accumulate(BsonValue value);

  /**
   * Takes one value under the run's collation, which the accumulators that compare values ({@code $min},
   * {@code $max}, {@code $addToSet}) compare strings by; the others ignore it.
   */
  default void accumulate(BsonValue value, Collation collation) {
    accumulate(value);
  }

  /** The result so far; never null (an empty {@code $max} is BSON null). */
  BsonValue result();
}
