package io.tributary.engine.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered list of puts and deletes applied atomically by {@link StorageEngine#write}: either all of them
 * become visible (and, once synced, durable) or none. Later operations on the same key win. Not thread-safe.
 */
public final class WriteBatch {
  /** One mutation; {@code value == null} deletes the key. */
  public record Mutation(KeySpace space, byte[] key, byte[] value) {}

  private final List<Mutation> mutations = new ArrayList<>();
  private long approximateBytes;

  public WriteBatch put(KeySpace space, byte[] key, byte[] value) {
    mutations.add(new Mutation(space, key, value));
    approximateBytes += key.length + value.length;
    return this;
  }

  public WriteBatch delete(KeySpace space, byte[] key) {
    mutations.add(new Mutation(space, key, null));
    approximateBytes += key.length;
    return this;
  }

  public List<Mutation> mutations() {
    return Collections.unmodifiableList(mutations);
  }

  public boolean isEmpty() {
    return mutations.isEmpty();
  }

  public long approximateBytes() {
    return approximateBytes;
  }
}
