package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.catalog.CappedLimits;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.storage.ReadView;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The {@code $collStats} stage's one output document, {@code {ns, host, localTime, [latencyStats],
 * [storageStats], [count]}}, as mongod shapes it. A collection's size is the sum of its documents' BSON sizes
 * (mongod's uncompressed {@code size}), read from a snapshot; {@code local.oplog.rs} reports the storage engine's
 * figures and its maximum size ({@link OplogCollection#storageStats}). Stateless.
 */
final class CollectionStats {
  private static final Set<String> OPTIONS = Set.of("latencyStats", "storageStats", "count", "queryExecStats");

  private CollectionStats() {}

  static BsonDocument of(Engine engine, ReadView view, Namespace namespace, BsonValue spec) {
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$collStats must take a nested object but found: " + spec);
    }
    CommandArguments.requireKnownFields(spec.asDocument(), "$collStats", OPTIONS);
    BsonDocument options = spec.asDocument();
    BsonDocument stats = new BsonDocument("ns", new BsonString(namespace.fullName()))
        .append("host", new BsonString(engine.advertisedAddress()))
        .append("localTime", new BsonDateTime(engine.clock().millis()));
    if (options.containsKey("latencyStats")) {
      stats.append("latencyStats", new BsonDocument("reads", zeroLatency()).append("writes", zeroLatency())
          .append("commands", zeroLatency()).append("transactions", zeroLatency()));
    }
    if (options.containsKey("storageStats")) {
      int scale = scale(CommandArguments.document(options, "storageStats", new BsonDocument()));
      stats.append("storageStats", storageStats(engine, view, namespace, scale));
    }
    if (options.containsKey("count")) {
      stats.append("count", new BsonDocument("count",
          storageStats(engine, view, namespace, 1).get("count")));
    }
    return stats;
  }

  private static BsonDocument storageStats(Engine engine, ReadView view, Namespace namespace, int scale) {
    if (OplogCollection.is(namespace)) {
      return OplogCollection.storageStats(engine.storage(), engine.oplogRetention(), scale);
    }
    CollectionMetadata collection = engine.catalog().lookup(namespace).filter(c -> !c.isView())
        .orElseThrow(() -> ErrorCode.NAMESPACE_NOT_FOUND.error("Unable to retrieve storageStats in $collStats stage"
            + " :: caused by :: Collection [" + namespace + "] not found."));
    Totals totals = Totals.of(view, collection);
    long count = totals.count();
    long size = totals.bytes();
    BsonDocument indexSizes = new BsonDocument();
    collection.indexes().stream().map(IndexDescriptor::name).forEach(name -> indexSizes.append(name,
        new BsonInt32(0)));
    BsonDocument stats = new BsonDocument("size", new BsonInt64(size / scale))
        .append("count", new BsonInt64(count))
        .append("avgObjSize", new BsonInt64(count == 0 ? 0 : size / count))
        .append("numOrphanDocs", new BsonInt32(0))
        .append("storageSize", new BsonInt64(size / scale))
        .append("freeStorageSize", new BsonInt32(0));
    appendCapped(stats, collection.cappedLimits(), scale);
    return stats.append("nindexes", new BsonInt32(collection.indexes().size()))
        .append("indexBuilds", new BsonArray())
        .append("totalIndexSize", new BsonInt32(0))
        .append("totalSize", new BsonInt64(size / scale))
        .append("indexSizes", indexSizes)
        .append("scaleFactor", new BsonInt32(scale));
  }

  /** mongod's {@code capped}, and for a capped collection {@code max} and {@code maxSize} (scaled). */
  private static void appendCapped(BsonDocument stats, CappedLimits limits, int scale) {
    stats.append("capped", BsonBoolean.valueOf(limits != null));
    if (limits != null) {
      stats.append("max", CappedLimits.number(limits.maxDocuments()))
          .append("maxSize", CappedLimits.number(limits.maxBytes() / scale));
    }
  }

  /** The number of documents and their total BSON size, counted from a snapshot. */
  private record Totals(long count, long bytes) {
    static Totals of(ReadView view, CollectionMetadata collection) {
      long count = 0;
      long bytes = 0;
      try (DocumentCursor documents = Documents.scan(view, collection, false)) {
        for (; documents.hasNext(); count++) {
          bytes += BsonBytes.size(documents.next().document());
        }
      }
      return new Totals(count, bytes);
    }
  }

  private static int scale(BsonDocument storageStats) {
    long scale = CommandArguments.longValue(storageStats, "scale", 1);
    if (scale < 1) {
      throw ErrorCode.location(51024).error("BSON field 'scale' value must be >= 1, actual value '" + scale + "'");
    }
    return (int) Math.min(scale, Integer.MAX_VALUE);
  }

  private static BsonDocument zeroLatency() {
    return new BsonDocument("latency", new BsonInt64(0)).append("ops", new BsonInt64(0));
  }
}
