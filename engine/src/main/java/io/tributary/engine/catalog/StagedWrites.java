package io.tributary.engine.catalog;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The mutations of one {@link WriteUnit}: the batch it will commit, plus a read view of the state the unit
 * produces (its staged puts and deletes over the committed state), so that later statements of the unit (a
 * multi-statement transaction, index checks) read their own writes. A scan copies the staged entries of its range
 * when it starts, so later staging does not disturb it. Not thread-safe.
 */
final class StagedWrites implements ReadView {
  private final ReadView base;
  private final WriteBatch batch = new WriteBatch();
  /** Staged values by key space and key; a null value is a staged delete. */
  private final Map<KeySpace, NavigableMap<byte[], byte[]>> staged = new EnumMap<>(KeySpace.class);

  StagedWrites(ReadView base) {
    this.base = base;
  }

  WriteBatch batch() {
    return batch;
  }

  void put(KeySpace space, byte[] key, byte[] value) {
    batch.put(space, key, value);
    space(space).put(key, value);
  }

  void delete(KeySpace space, byte[] key) {
    batch.delete(space, key);
    space(space).put(key, null);
  }

  @Override
  public byte[] get(KeySpace space, byte[] key) {
    NavigableMap<byte[], byte[]> map = staged.get(space);
    if (map != null && map.containsKey(key)) {
      return map.get(key);
    }
    return base.get(space, key);
  }

  @Override
  public KeyValueIterator scan(KeySpace space, byte[] from, byte[] to, boolean reverse) {
    NavigableMap<byte[], byte[]> map = staged.get(space);
    KeyValueIterator committed = base.scan(space, from, to, reverse);
    if (map == null || map.isEmpty()) {
      return committed;
    }
    NavigableMap<byte[], byte[]> range = from == null && to == null ? map
        : from == null ? map.headMap(to, false) : to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
    List<Map.Entry<byte[], byte[]>> copy = new ArrayList<>((reverse ? range.descendingMap() : range).entrySet());
    return new Merged(committed, copy, reverse);
  }

  private NavigableMap<byte[], byte[]> space(KeySpace space) {
    return staged.computeIfAbsent(space, s -> new TreeMap<>(Arrays::compareUnsigned));
  }

  /** Committed entries merged with staged ones in key order; staged entries win, staged deletes hide. */
  private static final class Merged implements KeyValueIterator {
    private final KeyValueIterator committed;
    private final List<Map.Entry<byte[], byte[]>> staged;
    private final int direction;
    private int stagedIndex;
    private KeyValue committedHead;
    private KeyValue next;

    Merged(KeyValueIterator committed, List<Map.Entry<byte[], byte[]>> staged, boolean reverse) {
      this.committed = committed;
      this.staged = staged;
      this.direction = reverse ? -1 : 1;
      this.committedHead = committed.hasNext() ? committed.next() : null;
      advance();
    }

    private void advance() {
      next = null;
      while (next == null && (committedHead != null || stagedIndex < staged.size())) {
        Map.Entry<byte[], byte[]> stagedHead = stagedIndex < staged.size() ? staged.get(stagedIndex) : null;
        int order = stagedHead == null ? -1 : committedHead == null ? 1
            : direction * Arrays.compareUnsigned(committedHead.key(), stagedHead.getKey());
        if (order < 0) {
          next = committedHead;
          committedHead = committed.hasNext() ? committed.next() : null;
          continue;
        }
        if (order == 0) {
          committedHead = committed.hasNext() ? committed.next() : null;
        }
        stagedIndex++;
        if (stagedHead.getValue() != null) {
          next = new KeyValue(stagedHead.getKey(), stagedHead.getValue());
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public KeyValue next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      KeyValue current = next;
      advance();
      return current;
    }

    @Override
    public void close() {
      committed.close();
    }
  }
}
