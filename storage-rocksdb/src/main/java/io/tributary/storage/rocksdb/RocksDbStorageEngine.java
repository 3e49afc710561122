package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValue;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.StorageException;
import io.tributary.engine.storage.StorageOptions;
import io.tributary.engine.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Range;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable storage engine: one RocksDB database per data directory ({@code --dbpath}), one column family per
 * {@link KeySpace}. Thread-safe.
 *
 * <p>Implementation notes:
 * <ul>
 *   <li>Durability: a batch is one RocksDB write batch, written to the WAL without fsync, so it is atomic across
 *       column families and survives a process crash; {@link #sync} fsyncs the WAL with {@link GroupCommit}, so it
 *       also survives a machine crash, and concurrent syncs share one fsync.</li>
 *   <li>Reads: plain reads see the latest state; a scan reads an implicit snapshot pinned by its iterator;
 *       {@link #snapshot} uses a RocksDB snapshot. Batches become visible atomically, in write order.</li>
 *   <li>Lifetime: every native call runs under {@link NativeGuard}, so close waits for calls in flight, frees the
 *       iterators and snapshots still open, and later calls throw instead of crashing the JVM.</li>
 *   <li>Files: {@link FormatVersion} guards the directory's format; RocksDB's LOCK file keeps a second process
 *       out, reported as "dbpath ... is in use by another process".</li>
 * </ul>
 */
public final class RocksDbStorageEngine implements StorageEngine {
  private static final Logger log = LoggerFactory.getLogger(RocksDbStorageEngine.class);
  private static final String[] FAMILY_PROPERTIES = {
      "rocksdb.estimate-num-keys", "rocksdb.estimate-live-data-size", "rocksdb.total-sst-files-size",
      "rocksdb.cur-size-all-mem-tables"};
  private static final String[] FAMILY_STATS = {"estimatedKeys", "liveDataBytes", "sstFilesBytes", "memtableBytes"};

  private final RocksDbTuning tuning;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final Map<KeySpace, ColumnFamilyHandle> families = new EnumMap<>(KeySpace.class);
  private final WriteOptions writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
  private final NativeGuard guard = new NativeGuard();
  private final GroupCommit groupCommit;
  private final RangeCompactor compactor;

  private RocksDbStorageEngine(RocksDbTuning tuning, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.tuning = tuning;
    this.db = db;
    this.handles = handles;
    for (KeySpace space : KeySpace.values()) {
      families.put(space, handles.get(space.ordinal() + 1)); // handle 0 is RocksDB's default family
    }
    this.groupCommit = new GroupCommit(db::syncWal);
    this.compactor = new RangeCompactor(guard, db);
  }

  /** Opens the database in {@code options.dataDirectory()}, creating it if the directory is empty or missing. */
  public static RocksDbStorageEngine open(StorageOptions options) {
    RocksDB.loadLibrary();
    Path dbpath = options.requireDataDirectory().toAbsolutePath();
    FormatVersion.checkOrCreate(dbpath);
    RocksDbTuning tuning = new RocksDbTuning();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, tuning.defaultOptions()));
    for (KeySpace space : KeySpace.values()) {
      descriptors.add(new ColumnFamilyDescriptor(familyName(space), tuning.options(space)));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(tuning.dbOptions(), dbpath.toString(), descriptors, handles);
      log.info("opened rocksdb {} at {}", RocksDB.rocksdbVersion(), dbpath);
      return new RocksDbStorageEngine(tuning, db, handles);
    } catch (RocksDBException e) {
      tuning.close();
      throw openFailure(dbpath, e);
    }
  }

  private static StorageException openFailure(Path dbpath, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("/LOCK")) {
      return new StorageException("dbpath " + dbpath + " is in use by another process (" + message + ")", e);
    }
    return new StorageException("cannot open dbpath " + dbpath + ": " + message, e);
  }

  private static byte[] familyName(KeySpace space) {
    return space.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public boolean isDurable() {
    return true;
  }

  @Override
  public void write(WriteBatch batch) {
    guard.run(() -> {
      try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch()) {
        for (WriteBatch.Mutation m : batch.mutations()) {
          if (m.value() == null) {
            rocksBatch.delete(families.get(m.space()), m.key());
          } else {
            rocksBatch.put(families.get(m.space()), m.key(), m.value());
          }
        }
        db.write(writeOptions, rocksBatch);
      }
    });
    groupCommit.written();
  }

  @Override
  public void sync() {
    guard.run(groupCommit::sync);
  }

  @Override
  public byte[] get(KeySpace space, byte[] key) {
    return guard.call(() -> db.get(families.get(space), key));
  }

  byte[] get(KeySpace space, byte[] key, ReadOptions readOptions) {
    return guard.call(() -> db.get(families.get(space), readOptions, key));
  }

  @Override
  public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
    return scan(space, fromInclusive, toExclusive, reverse, null);
  }

  KeyValueIterator scan(KeySpace space, byte[] from, byte[] to, boolean reverse, org.rocksdb.Snapshot snapshot) {
    if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
      guard.run(() -> {}); // still fails once closed
      return EmptyIterator.INSTANCE;
    }
    return RocksDbCursor.open(guard, db, families.get(space), snapshot, from, to, reverse);
  }

  @Override
  public Snapshot snapshot() {
    return guard.register(() -> new RocksDbSnapshot(this, db));
  }

  void release(NativeGuard.Dependent dependent) {
    guard.release(dependent);
  }

  /** Open iterators and snapshots: a leak check for tests. */
  int openResources() {
    return guard.openDependents();
  }

  /** One range tombstone; the space is reclaimed by a background compaction of the range. */
  @Override
  public void deleteRange(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    ColumnFamilyHandle family = families.get(space);
    guard.run(() -> {
      byte[] from = fromInclusive == null ? new byte[0] : fromInclusive;
      byte[] to = toExclusive == null ? pastLastKey(family) : toExclusive;
      if (to != null && Arrays.compareUnsigned(from, to) < 0) {
        db.deleteRange(family, writeOptions, from, to);
        groupCommit.written();
        compactor.compactLater(family, from, to);
      }
    });
  }

  @Override
  public long approximateCount(KeySpace space) {
    return guard.call(() -> db.getLongProperty(families.get(space), "rocksdb.estimate-num-keys"));
  }

  @Override
  public long approximateSize(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    ColumnFamilyHandle family = families.get(space);
    return guard.call(() -> {
      byte[] to = toExclusive == null ? pastLastKey(family) : toExclusive;
      if (to == null) {
        return 0L;
      }
      try (Slice start = new Slice(fromInclusive == null ? new byte[0] : fromInclusive); Slice end = new Slice(to)) {
        return db.getApproximateSizes(family, List.of(new Range(start, end)),
            SizeApproximationFlag.INCLUDE_FILES, SizeApproximationFlag.INCLUDE_MEMTABLES)[0];
      }
    });
  }

  /** The smallest key after every key of the family, or null when it is empty. Call under the guard. */
  private byte[] pastLastKey(ColumnFamilyHandle family) {
    try (org.rocksdb.RocksIterator it = db.newIterator(family)) {
      it.seekToLast();
      return it.isValid() ? Arrays.copyOf(it.key(), it.key().length + 1) : null;
    }
  }

  @Override
  public BsonDocument stats() {
    return guard.call(() -> {
      BsonDocument columnFamilies = new BsonDocument();
      for (KeySpace space : KeySpace.values()) {
        BsonDocument family = new BsonDocument();
        for (int i = 0; i < FAMILY_PROPERTIES.length; i++) {
          family.append(FAMILY_STATS[i], new BsonInt64(db.getLongProperty(families.get(space), FAMILY_PROPERTIES[i])));
        }
        columnFamilies.append(space.name().toLowerCase(Locale.ROOT), family);
      }
      return new BsonDocument("columnFamilies", columnFamilies)
          .append("batches", new BsonInt64(groupCommit.batches()))
          .append("walSyncs", new BsonInt64(groupCommit.syncs()))
          .append("walSyncMicros", new BsonInt64(groupCommit.syncMicros()))
          .append("blockCacheBytes", new BsonInt64(tuning.blockCacheUsage()))
          .append("blockCacheMaxBytes", new BsonInt64(RocksDbTuning.BLOCK_CACHE_BYTES));
    });
  }

  /** Syncs the WAL, frees open cursors and snapshots, and closes the database; idempotent. */
  @Override
  public void close() {
    compactor.stop();
    guard.close(() -> {
      try {
        db.syncWal();
        handles.forEach(ColumnFamilyHandle::close);
        db.closeE();
      } finally {
        writeOptions.close();
        tuning.close();
      }
    });
  }

  /** The scan of an empty range. */
  private enum EmptyIterator implements KeyValueIterator {
    INSTANCE;

    @Override
    public boolean hasNext() {
      return false;
    }

    @Override
    public KeyValue next() {
      throw new NoSuchElementException();
    }

    @Override
    public void close() {}
  }
}
