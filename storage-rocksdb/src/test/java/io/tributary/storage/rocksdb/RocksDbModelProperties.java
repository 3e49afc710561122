package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.StorageModelCheck;
import io.tributary.engine.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The RocksDB engine against a sorted-map model, snapshots and range deletes included. One database serves all
 * tries (emptied by range deletes between them), so background range compactions overlap later tries.
 */
class RocksDbModelProperties {
  private Path dbpath;
  private RocksDbStorageEngine engine;

  @BeforeProperty
  void open() throws IOException {
    dbpath = Files.createTempDirectory("rocksdb-model");
    engine = RocksDbStorageEngine.open(StorageOptions.at(dbpath));
  }

  @AfterProperty
  void close() throws IOException {
    engine.close();
    try (Stream<Path> paths = Files.walk(dbpath)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Property(tries = 200)
  void behavesLikeTheModel(@ForAll("runs") List<StorageModelCheck.Op> ops) {
    StorageModelCheck.clear(engine);
    StorageModelCheck.run(engine, ops);
  }

  @Provide
  Arbitrary<List<StorageModelCheck.Op>> runs() {
    return StorageModelCheck.runs();
  }
}
