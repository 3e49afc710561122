package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.StorageModelCheck;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The in-memory engine against a sorted-map model, snapshots and range deletes included. */
class InMemoryModelProperties {
  @Property(tries = 300)
  void behavesLikeTheModel(@ForAll("runs") List<StorageModelCheck.Op> ops) {
    try (InMemoryStorageEngine engine = new InMemoryStorageEngine()) {
      StorageModelCheck.run(engine, ops);
    }
  }

  @Provide
  Arbitrary<List<StorageModelCheck.Op>> runs() {
    return StorageModelCheck.runs();
  }
}
