package io.tributary.engine.expression;

import org.bson.BsonValue;

/**
 * The running state of one accumulator ({@code $sum}, {@code $push}...) over a group or an array. Not
 * thread-safe: one instance per group and run.
 */
public interface Accumulator {
  /** Takes one value; null stands for missing. */
  void accumulate(BsonValue value);

  /** The result so far; never null (an empty {@code $max} is BSON null). */
  BsonValue result();
}
