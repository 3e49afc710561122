package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.Catalog;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.storage.ReadView;
import org.bson.BsonDocument;

/**
 * Reads the current, committed version of a document for {@code fullDocument: "updateLookup"}. Implemented by
 * the engine over its catalog. Implementations are thread-safe and may read storage, but never wait on a lock
 * held across a commit.
 */
@FunctionalInterface
public interface DocumentLookup {
  /** The document of {@code namespace} whose key is {@code documentKey}, or null when there is none. */
  BsonDocument find(Namespace namespace, BsonDocument documentKey);

  /** Reads the latest committed documents: by {@code _id} through the catalog's {@code _id} index. */
  static DocumentLookup of(Catalog catalog, ReadView storage) {
    return (namespace, documentKey) -> catalog.lookup(namespace)
        .flatMap(collection -> Documents.findById(storage, collection, documentKey.get("_id")))
        .map(StoredDocument::document)
        .orElse(null);
  }
}
