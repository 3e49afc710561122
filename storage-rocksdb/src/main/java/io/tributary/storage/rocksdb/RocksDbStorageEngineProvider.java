package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineProvider;
import io.tributary.engine.storage.StorageOptions;

/** Provides {@code --storageEngine rocksdb}; requires {@link StorageOptions#dataDirectory()}. Thread-safe. */
public final class RocksDbStorageEngineProvider implements StorageEngineProvider {
  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public StorageEngine open(StorageOptions options) {
    return RocksDbStorageEngine.open(options);
  }
}
