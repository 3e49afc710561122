package io.tributary.engine.storage;

/** Reads of ordered key spaces. Keys and values are never modified by callers or by the view after return. */
public interface ReadView {
  /** The value stored under {@code key}, or null. */
  byte[] get(KeySpace space, byte[] key);

  /**
   * Entries with {@code fromInclusive <= key < toExclusive} in ascending key order (descending when
   * {@code reverse}); a null bound is open. The iterator must be closed.
   */
  KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse);
}
