package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bson.BsonDocument;

/** Placeholder in-memory engine: atomic batches, but snapshots are live views (MVCC lands with the storage work). */
public final class InMemoryStorageEngine implements StorageEngine {
  private final Map<KeySpace, ConcurrentSkipListMap<byte[], byte[]>> spaces = new EnumMap<>(KeySpace.class);

  public InMemoryStorageEngine() {
    for (KeySpace space : KeySpace.values()) {
      spaces.put(space, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public String name() {
    return "inMemory";
  }

  @Override
  public boolean isDurable() {
    return false;
  }

  @Override
  public synchronized void write(WriteBatch batch) {
    for (WriteBatch.Mutation m : batch.mutations()) {
      if (m.value() == null) {
        spaces.get(m.space()).remove(m.key());
      } else {
        spaces.get(m.space()).put(m.key(), m.value());
      }
    }
  }

  @Override
  public void sync() {}

  @Override
  public byte[] get(KeySpace space, byte[] key) {
    return spaces.get(space).get(key);
  }

  @Override
  public KeyValueIterator scan(KeySpace space, byte[] from, byte[] to, boolean reverse) {
    NavigableMap<byte[], byte[]> map = spaces.get(space);
    if (from != null && to != null) {
      map = map.subMap(from, true, to, false);
    } else if (from != null) {
      map = map.tailMap(from, true);
    } else if (to != null) {
      map = map.headMap(to, false);
    }
    Iterator<Map.Entry<byte[], byte[]>> it = (reverse ? map.descendingMap() : map).entrySet().iterator();
    return new KeyValueIterator() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue next() {
        Map.Entry<byte[], byte[]> e = it.next();
        return new KeyValue(e.getKey(), e.getValue());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Snapshot snapshot() {
    InMemoryStorageEngine self = this;
    return new Snapshot() {
      @Override
      public byte[] get(KeySpace space, byte[] key) {
        return self.get(space, key);
      }

      @Override
      public KeyValueIterator scan(KeySpace space, byte[] from, byte[] to, boolean reverse) {
        return self.scan(space, from, to, reverse);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public BsonDocument stats() {
    return new BsonDocument();
  }

  @Override
  public void close() {}
}
