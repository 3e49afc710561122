package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineProvider;
import io.tributary.engine.storage.StorageOptions;

/** Provides {@code --storageEngine inMemory}; the options are ignored. Thread-safe. */
public final class InMemoryStorageEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "inMemory";
  }

  @Override
  public StorageEngine open(StorageOptions options) {
    return new InMemoryStorageEngine();
  }
}
