package io.tributary.engine.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageEngineContract;
import io.tributary.engine.storage.StorageEngineProvider;
import io.tributary.engine.storage.StorageOptions;
import org.junit.jupiter.api.Test;

class InMemoryStorageEngineTest extends StorageEngineContract {
  @Override
  protected StorageEngine createEngine() {
    return new InMemoryStorageEngine();
  }

  @Test
  void isFoundByName() {
    try (StorageEngine opened = StorageEngineProvider.named("inMemory").open(StorageOptions.at(null))) {
      assertThat(opened.name()).isEqualTo("inMemory");
      assertThat(opened.isDurable()).isFalse();
    }
    assertThatThrownBy(() -> StorageEngineProvider.named("wiredTiger"))
        .hasMessageContaining("unknown storage engine 'wiredTiger'").hasMessageContaining("inMemory");
  }
}
