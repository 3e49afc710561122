package io.tributary.engine.plan;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.storage.ReadView;
import org.bson.BsonDocument;

/**
 * How a query reads a collection: a collection scan, an index scan with bounds, or one index scan per branch of
 * a top-level {@code $or}. A plan yields candidate
 * documents, each once; the caller still applies the filter to every one (bounds are a superset). Immutable and
 * thread-safe; {@link #open} returns a cursor for one reader.
 */
public sealed interface QueryPlan permits CollectionScan, IndexScan, OrScan {
  /** Whether documents come out in the order of the request's sort, so no sort stage is needed. */
  boolean providesSort();

  DocumentCursor open(ReadView view, CollectionMetadata collection, ScanStats stats);

  /** The plan's stages as {@code explain} shows them ({@code COLLSCAN}, or {@code FETCH} over {@code IXSCAN}). */
  BsonDocument explain(BsonDocument parsedQuery);
}
