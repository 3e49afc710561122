package io.tributary.engine.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a storage engine by name ({@code --storageEngine}). Implementations are found with {@link ServiceLoader}
 * (registered in {@code META-INF/services/io.tributary.engine.storage.StorageEngineProvider}) and must have a
 * public no-argument constructor. Implementations are stateless and thread-safe.
 */
public interface StorageEngineProvider {
  /** The name selected by {@code --storageEngine}, e.g. {@code inMemory} or {@code rocksdb}. */
  String name();

  /** Opens (creating if needed) an engine; the caller closes it. */
  StorageEngine open(StorageOptions options);

  /** The provider called {@code name} on the class path, failing with the list of known names. */
  static StorageEngineProvider named(String name) {
    List<String> known = new ArrayList<>();
    for (StorageEngineProvider provider : ServiceLoader.load(StorageEngineProvider.class)) {
      if (provider.name().equals(name)) {
        return provider;
      }
      known.add(provider.name());
    }
    throw new IllegalArgumentException("unknown storage engine '" + name + "'; available: " + known);
  }
}
