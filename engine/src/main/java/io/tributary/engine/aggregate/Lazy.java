package io.tributary.engine.aggregate;

import java.util.function.Supplier;

/** A value computed on first use, then kept: how a run reads another collection once. Not thread-safe. */
final class Lazy<T> implements Supplier<T> {
  private Supplier<T> source;
  private T value;

  Lazy(Supplier<T> source) {
    this.source = source;
  }

  @Override
  public T get() {
    if (source != null) {
      value = source.get();
      source = null;
    }
    return value;
  }
}
