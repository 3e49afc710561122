package io.tributary.engine.catalog;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

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

  /**
   * A cursor reading one document per element of {@code source}; closing it runs {@code close} (the storage
   * resources under {@code source}).
   */
  static <T> DocumentCursor map(Iterator<T> source, Function<? super T, StoredDocument> read, Runnable close) {
    return new DocumentCursor() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public StoredDocument next() {
        return read.apply(source.next());
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }
}
