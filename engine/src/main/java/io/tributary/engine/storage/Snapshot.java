package io.tributary.engine.storage;

/**
 * A consistent point-in-time view: it sees every batch written before it was taken, atomically, and nothing
 * written after. Must be closed; not thread-safe.
 */
public interface Snapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}
