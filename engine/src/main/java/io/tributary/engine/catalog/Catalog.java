package io.tributary.engine.catalog;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The collections that exist, as of the last commit: an immutable map from namespace to
 * {@link CollectionMetadata}, loaded from the CATALOG key space and replaced (copy on write) after each commit
 * that changes it, so readers never lock.
 *
 * <p>The id counters (collection ids, index ids in METADATA; record ids per collection, derived from the last
 * stored document) and the usage of capped collections ({@link CappedUsage}) are only used by a {@link WriteUnit}
 * under the {@link Writer}'s lock. An aborted unit leaves
 * a gap in the ids, which is harmless. Thread-safe for readers; mutators require the writer's lock.
 */
public final class Catalog {
  private static final byte[] NEXT_COLLECTION_ID = "nextCollectionId".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEXT_INDEX_ID = "nextIndexId".getBytes(StandardCharsets.UTF_8);

  private final StorageEngine storage;
  private volatile Map<Namespace, CollectionMetadata> collections;
  private final Map<Long, Long> nextRecordIds = new HashMap<>();
  /** Committed usage of the capped collections written since start, by collection id. */
  private final Map<Long, CappedUsage> cappedUsage = new HashMap<>();
  private long nextCollectionId;
  private long nextIndexId;

  private Catalog(StorageEngine storage, Map<Namespace, CollectionMetadata> collections) {
    this.storage = storage;
    this.collections = Map.copyOf(collections);
    this.nextCollectionId = counter(NEXT_COLLECTION_ID);
    this.nextIndexId = counter(NEXT_INDEX_ID);
  }

  public static Catalog load(StorageEngine storage) {
    Map<Namespace, CollectionMetadata> collections = new HashMap<>();
    try (KeyValueIterator it = storage.scan(KeySpace.CATALOG, null, null, false)) {
      while (it.hasNext()) {
        CollectionMetadata metadata = CollectionMetadata.fromBson(BsonBytes.decode(it.next().value()));
        collections.put(metadata.namespace(), metadata);
      }
    }
    return new Catalog(storage, collections);
  }

  public Optional<CollectionMetadata> lookup(Namespace namespace) {
    return Optional.ofNullable(collections.get(namespace));
  }

  /** The collections of {@code db}, sorted by name. */
  public List<CollectionMetadata> collections(String db) {
    return collections.values().stream().filter(c -> c.namespace().db().equals(db))
        .sorted((a, b) -> a.namespace().collection().compareTo(b.namespace().collection()))
        .collect(Collectors.toList());
  }

  /** Names of databases that have at least one collection. */
  public SortedSet<String> databases() {
    return collections.keySet().stream().map(Namespace::db).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Publishes committed catalog changes (value null: the namespace no longer exists). */
  void apply(Map<Namespace, CollectionMetadata> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<Namespace, CollectionMetadata> next = new HashMap<>();
    next.putAll(collections);
    changes.forEach((namespace, metadata) -> {
      if (metadata == null) {
        next.remove(namespace);
      } else {
        next.put(namespace, metadata);
      }
    });
    collections = Map.copyOf(next);
  }

  long allocateCollectionId(WriteBatch batch) {
    long id = ++nextCollectionId;
    batch.put(KeySpace.METADATA, NEXT_COLLECTION_ID, KeyLayout.longKey(id));
    return id;
  }

  long allocateIndexId(WriteBatch batch) {
    long id = ++nextIndexId;
    batch.put(KeySpace.METADATA, NEXT_INDEX_ID, KeyLayout.longKey(id));
    return id;
  }

  /** The next record id of a collection: one more than the last stored (or allocated) one. */
  long allocateRecordId(long collectionId) {
    long next = nextRecordIds.computeIfAbsent(collectionId, this::lastStoredRecordId) + 1;
    nextRecordIds.put(collectionId, next);
    return next;
  }

  /** Forgets what is kept in memory about a collection's documents (it is dropped). */
  void forgetDocuments(long collectionId) {
    nextRecordIds.remove(collectionId);
    cappedUsage.remove(collectionId);
  }

  /** The committed usage of a capped collection, or null until a commit that inserted into it published it. */
  CappedUsage cappedUsage(long collectionId) {
    return cappedUsage.get(collectionId);
  }

  /** Publishes the usage of the capped collections a commit wrote. */
  void applyCappedUsage(Map<Long, CappedUsage> changes) {
    cappedUsage.putAll(changes);
  }

  private long lastStoredRecordId(long collectionId) {
    byte[] prefix = KeyLayout.longKey(collectionId);
    try (KeyValueIterator it = storage.scan(KeySpace.DOCUMENTS, prefix, KeyLayout.prefixEnd(prefix), true)) {
      if (!it.hasNext()) {
        return 0;
      }
      KeyValue last = it.next();
      return KeyLayout.recordIdOf(last.key());
    }
  }

  private long counter(byte[] key) {
    byte[] value = storage.get(KeySpace.METADATA, key);
    return value == null ? 0 : KeyLayout.readLong(value);
  }
}
