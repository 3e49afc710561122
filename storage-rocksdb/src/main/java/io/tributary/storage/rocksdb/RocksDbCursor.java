package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A bounded scan over one column family, forwards or backwards, optionally at a snapshot. The bounds are given to
 * RocksDB ({@code iterate_lower_bound}/{@code iterate_upper_bound}) so it stops at them without reading past, which
 * also spares it stepping over deleted keys outside the range. The next entry is read ahead, so {@link #hasNext}
 * makes no native call. Not thread-safe; must be closed (its native iterator pins memory and files).
 */
final class RocksDbCursor implements KeyValueIterator, NativeGuard.Dependent {
  private final NativeGuard guard;
  private final boolean reverse;
  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final RocksIterator iterator;
  private KeyValue next;

  private RocksDbCursor(NativeGuard guard, RocksDB db, ColumnFamilyHandle family, Snapshot snapshot,
      byte[] fromInclusive, byte[] toExclusive, boolean reverse) throws RocksDBException {
    this.guard = guard;
    this.reverse = reverse;
    this.lower = fromInclusive == null ? null : new Slice(fromInclusive);
    this.upper = toExclusive == null ? null : new Slice(toExclusive);
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
    if (lower != null) {
      readOptions.setIterateLowerBound(lower);
    }
    if (upper != null) {
      readOptions.setIterateUpperBound(upper);
    }
    this.iterator = db.newIterator(family, readOptions);
    if (reverse) {
      iterator.seekToLast(); // honours the upper bound
    } else {
      iterator.seekToFirst(); // honours the lower bound
    }
    readAhead();
  }

  /** Opens a cursor registered with {@code guard}; {@code snapshot} may be null for the latest state. */
  static RocksDbCursor open(NativeGuard guard, RocksDB db, ColumnFamilyHandle family, Snapshot snapshot,
      byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
    return guard.register(() -> new RocksDbCursor(guard, db, family, snapshot, fromInclusive, toExclusive, reverse));
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
    guard.run(() -> {
      if (reverse) {
        iterator.prev();
      } else {
        iterator.next();
      }
      readAhead();
    });
    return current;
  }

  private void readAhead() throws RocksDBException {
    if (iterator.isValid()) {
      next = new KeyValue(iterator.key(), iterator.value());
    } else {
      iterator.status(); // throws if the iteration ended on an error rather than at the end
      next = null;
    }
  }

  @Override
  public void close() {
    next = null;
    guard.release(this);
  }

  @Override
  public void free() {
    iterator.close();
    readOptions.close();
    if (lower != null) {
      lower.close();
    }
    if (upper != null) {
      upper.close();
    }
  }
}
