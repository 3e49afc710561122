package io.tributary.engine.catalog;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Documents read in order from storage; holds storage resources until closed. Not thread-safe. */
public interface DocumentCursor extends Iterator<StoredDocument>, AutoCloseable {
  /** A cursor over nothing (a collection that does not exist). */
  DocumentCursor EMPTY = new DocumentCursor() {
    @Override
    public boolean hasNext() {
      return false;
    }

    @Override
    public StoredDocument next() {
      throw new NoSuchElementException();
    }

    @Override
    public void close() {}
  };

  @Override
  void close();
}
