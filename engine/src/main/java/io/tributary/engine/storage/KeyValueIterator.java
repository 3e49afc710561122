package io.tributary.engine.storage;

import java.util.Iterator;

/** An iterator over key/value entries that holds storage resources until closed. Not thread-safe. */
public interface KeyValueIterator extends Iterator<KeyValue>, AutoCloseable {
  @Override
  void close();
}
