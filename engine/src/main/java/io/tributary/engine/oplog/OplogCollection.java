package io.tributary.engine.oplog;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.OplogRetention;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.StorageEngine;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.UuidRepresentation;

/**
 * The oplog as the read-only capped collection {@code local.oplog.rs} that tools read (mongosh's
 * {@code db.getReplicationInfo()}: the first and last entry by {@code $natural} order and the collection's
 * storage statistics). Entries are shown as {@link OplogDocument}s, only up to the oplog's visible point, lazily
 * from a storage snapshot, so reading the newest entry is one seek. Stateless.
 */
public final class OplogCollection {
  public static final Namespace NAMESPACE = Namespace.of("local", "oplog.rs");

  /** A fixed UUID: the oplog is not in the catalog, and tools only need it to be stable. */
  public static final UUID COLLECTION_UUID = UUID.nameUUIDFromBytes(NAMESPACE.fullName().getBytes(UTF_8));

  private OplogCollection() {}

  /** The oplog's {@code listCollections} entry (a capped collection of {@code --oplogSize} bytes, no indexes). */
  public static BsonDocument listCollectionsEntry(long maxBytes, boolean nameOnly) {
    BsonDocument entry = new BsonDocument("name", new BsonString(NAMESPACE.collection()))
        .append("type", new BsonString("collection"));
    if (nameOnly) {
      return entry;
    }
    return entry.append("options", new BsonDocument("capped", BsonBoolean.TRUE).append("size", new BsonInt64(maxBytes)))
        .append("info", new BsonDocument("readOnly", BsonBoolean.FALSE)
            .append("uuid", new BsonBinary(COLLECTION_UUID, UuidRepresentation.STANDARD)));
  }

  /** Whether {@code namespace} is {@code local.oplog.rs}. */
  public static boolean is(Namespace namespace) {
    return NAMESPACE.equals(namespace);
  }

  /** The visible entries in {@code view}, oldest first ({@code $natural: 1}) or newest first; close the stream. */
  public static Stream<BsonDocument> documents(ReadView view, Oplog oplog, boolean newestFirst) {
    return documents(view, oplog, null, newestFirst);
  }

  /** As above, from the entry at {@code from} on (null: from the oldest), as a filter on {@code ts} allows. */
  public static Stream<BsonDocument> documents(ReadView view, Oplog oplog, BsonTimestamp from, boolean newestFirst) {
    byte[] start = from == null ? null : KeyLayout.oplogKey(from);
    byte[] end = KeyLayout.longKey(oplog.lastVisible().getValue() + 1);
    KeyValueIterator entries = view.scan(KeySpace.OPLOG, start, end, newestFirst);
    Spliterator<BsonDocument> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super BsonDocument> action) {
        if (!entries.hasNext()) {
          return false;
        }
        action.accept(OplogDocument.of(OplogEntryCodec.decode(entries.next().value())));
        return true;
      }
    };
    return StreamSupport.stream(spliterator, false).onClose(entries::close);
  }

  /**
   * {@code $collStats}' {@code storageStats} of the oplog, mongod's field names: sizes are the storage engine's
   * approximations (compressed on disk for RocksDB), {@code count} its key estimate; {@code maxSize} is
   * {@code --oplogSize}. {@code scale} divides the sizes, as in mongod.
   */
  public static BsonDocument storageStats(StorageEngine storage, OplogRetention retention, int scale) {
    long size = retention.size();
    long count = storage.approximateCount(KeySpace.OPLOG);
    return new BsonDocument("size", new BsonInt64(size / scale))
        .append("count", new BsonInt64(count))
        .append("avgObjSize", new BsonInt64(count == 0 ? 0 : size / count))
        .append("numOrphanDocs", new BsonInt32(0))
        .append("storageSize", new BsonInt64(size / scale))
        .append("freeStorageSize", new BsonInt32(0))
        .append("capped", BsonBoolean.TRUE)
        .append("max", new BsonInt64(0))
        .append("maxSize", new BsonInt64(retention.maxBytes() / scale))
        .append("nindexes", new BsonInt32(0))
        .append("indexDetails", new BsonDocument())
        .append("indexBuilds", new BsonArray())
        .append("totalIndexSize", new BsonInt32(0))
        .append("totalSize", new BsonInt64(size / scale))
        .append("indexSizes", new BsonDocument())
        .append("scaleFactor", new BsonInt32(scale));
  }

  /** serverStatus' {@code oplog} section: sizes, limits, truncations so far and the oldest and newest optimes. */
  public static BsonDocument status(StorageEngine storage, Oplog oplog, OplogRetention retention) {
    BsonTimestamp earliest = oplog.oldestRetained();
    BsonDocument status = new BsonDocument("sizeBytes", new BsonInt64(retention.size()))
        .append("maxSizeBytes", new BsonInt64(retention.maxBytes()))
        .append("approximateCount", new BsonInt64(storage.approximateCount(KeySpace.OPLOG)))
        .append("minRetentionHours", new BsonDouble(retention.minRetention().toSeconds() / 3600.0))
        .append("truncateCount", new BsonInt64(retention.truncations()));
    if (earliest != null) {
      status.append("earliestOptime", opTime(earliest)).append("latestOptime", opTime(oplog.lastVisible()));
    }
    return status;
  }

  /** {@code {ts, t}}: an optime of Tributary's one term. */
  public static BsonDocument opTime(BsonTimestamp time) {
    return new BsonDocument("ts", time).append("t", new BsonInt64(OplogDocument.TERM));
  }
}
