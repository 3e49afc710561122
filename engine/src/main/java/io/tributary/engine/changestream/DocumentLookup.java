package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
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
}
