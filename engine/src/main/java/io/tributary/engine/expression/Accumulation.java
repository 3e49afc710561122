package io.tributary.engine.expression;

import java.util.function.Supplier;

/**
 * A parsed accumulator of {@code $group}: the expression evaluated for each document and the factory of the
 * per-group state that accumulates its values. Immutable and thread-safe.
 */
public record Accumulation(Expression argument, Supplier<Accumulator> accumulator) {}
