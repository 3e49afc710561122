package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.KeySpace;
import java.util.ArrayDeque;
import java.util.Deque;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksObject;

/**
 * The RocksDB options Tributary opens a database with, and the owner of their native objects (freed by
 * {@link #close()} after the database is closed). Not thread-safe; used while opening and for cache statistics.
 *
 * <p>Choices: one block cache of bounded size shared by all column families, with index and filter blocks kept in
 * it so memory stays bounded as data grows; whole-key bloom filters where point lookups happen (documents by record
 * id, index keys, catalog and metadata); none for the oplog, which is only ever seeked and scanned, and whose keys
 * arrive in increasing order so level compaction mostly moves its files down without rewriting them; larger blocks
 * for the oplog's sequential reads; LZ4 above the bottom level and ZSTD at it.
 */
final class RocksDbTuning implements AutoCloseable {
  static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
  private static final long WRITE_BUFFER_BYTES = 16L * 1024 * 1024;
  private static final long ALL_WRITE_BUFFERS_BYTES = 128L * 1024 * 1024;
  private static final long BYTES_PER_SYNC = 1024 * 1024;

  private final Deque<RocksObject> owned = new ArrayDeque<>();
  private final LRUCache blockCache = own(new LRUCache(BLOCK_CACHE_BYTES));
  private final BloomFilter bloomFilter = own(new BloomFilter(10));

  DBOptions dbOptions() {
    return own(new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(2)
        .setDbWriteBufferSize(ALL_WRITE_BUFFERS_BYTES)
        .setBytesPerSync(BYTES_PER_SYNC)
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
        .setKeepLogFileNum(3));
  }

  /** Options of the default column family, which RocksDB requires and Tributary leaves empty. */
  ColumnFamilyOptions defaultOptions() {
    return own(new ColumnFamilyOptions());
  }

  ColumnFamilyOptions options(KeySpace space) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setBlockSize(space == KeySpace.OPLOG ? 64 * 1024 : 16 * 1024);
    if (space != KeySpace.OPLOG) {
      table.setFilterPolicy(bloomFilter);
    }
    return own(new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(3)
        .setLevelCompactionDynamicLevelBytes(true)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION));
  }

  long blockCacheUsage() {
    return blockCache.getUsage();
  }

  private <T extends RocksObject> T own(T object) {
    owned.push(object);
    return object;
  }

  /** Frees the options, newest first; call only after the database using them is closed. */
  @Override
  public void close() {
    while (!owned.isEmpty()) {
      owned.pop().close();
    }
  }
}
