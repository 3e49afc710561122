package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineContract;

class InMemoryStorageEngineTest extends StorageEngineContract {
  @Override
  protected StorageEngine createEngine() {
    return new InMemoryStorageEngine();
  }
}
