package io.tributary.engine.plan;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.ReadView;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads an index's entries over key ranges, one range after the other, and fetches each record once (by record
 * id). Holds one storage iterator at a time. Not thread-safe.
 */
final class IndexScanCursor implements DocumentCursor {
  private final ReadView view;
  private final CollectionMetadata collection;
  private final IndexDescriptor index;
  private final List<KeyRange> ranges;
  private final boolean backward;
  private final ScanStats stats;
  private final Set<Long> seen = new HashSet<>();
  private KeyValueIterator entries;
  private int nextRange;
  private StoredDocument next;

  IndexScanCursor(ReadView view, CollectionMetadata collection, IndexDescriptor index, List<KeyRange> ranges,
      boolean backward, ScanStats stats) {
    this.view = view;
    this.collection = collection;
    this.index = index;
    this.ranges = ranges;
    this.backward = backward;
    this.stats = stats;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (entries == null || !entries.hasNext()) {
        if (!openNextRange()) {
          return false;
        }
        continue;
      }
      long recordId = KeyLayout.recordIdOf(index, entries.next());
      stats.keyExamined();
      if (seen.add(recordId)) {
        next = Documents.get(view, collection, recordId).orElseThrow(() -> new IllegalStateException(
            "index " + index.name() + " points at missing record " + recordId));
        stats.docExamined();
      }
    }
    return true;
  }

  @Override
  public StoredDocument next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StoredDocument result = next;
    next = null;
    return result;
  }

  private boolean openNextRange() {
    close();
    if (nextRange == ranges.size()) {
      return false;
    }
    KeyRange range = ranges.get(nextRange++);
    byte[] from = KeyLayout.indexKey(index.id(), range.from(), null);
    byte[] to = range.to() == null ? KeyLayout.prefixEnd(KeyLayout.longKey(index.id()))
        : KeyLayout.indexKey(index.id(), range.to(), null);
    entries = view.scan(KeySpace.INDEXES, from, to, backward);
    return true;
  }

  @Override
  public void close() {
    if (entries != null) {
      entries.close();
      entries = null;
    }
  }
}
