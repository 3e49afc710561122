package io.tributary.engine.catalog;

import java.util.Iterator;

/** Documents read in order from storage; holds storage resources until closed. Not thread-safe. */
public interface DocumentCursor extends Iterator<StoredDocument>, AutoCloseable {
  @Override
  void close();
}
