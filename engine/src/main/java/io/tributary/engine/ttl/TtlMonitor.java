package io.tributary.engine.ttl;

import io.tributary.engine.catalog.Catalog;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.catalog.Writer;
import io.tributary.engine.plan.IndexScan;
import io.tributary.engine.plan.ScanStats;
import io.tributary.engine.query.Interval;
import io.tributary.engine.query.Matcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;

/**
 * mongod's TTL monitor: each pass deletes, for every index with {@code expireAfterSeconds}, the documents whose
 * indexed field holds a date (or an array whose earliest date) at least that many seconds before the injected
 * clock's now. Non-date values never expire. Deletes go through the {@link Writer} like any delete, so each
 * produces its delete oplog entry and change event; a unit deletes at most {@link #BATCH} documents, so a large
 * expiry never holds the writer long. The engine runs a pass on its scheduler every {@code ttlMonitorSleepSecs}
 * (60 s); tests call {@link #runOnce()} after moving their clock. Thread-safe: passes only read the catalog and
 * write through the writer.
 */
public final class TtlMonitor {
  static final int BATCH = 1_000;

  private final Catalog catalog;
  private final Writer writer;
  private final Clock clock;

  public TtlMonitor(Catalog catalog, Writer writer, Clock clock) {
    this.catalog = catalog;
    this.writer = writer;
    this.clock = clock;
  }

  /** One pass over every TTL index; returns the number of documents deleted. */
  public long runOnce() {
    long deleted = 0;
    for (String db : catalog.databases()) {
      for (CollectionMetadata collection : catalog.collections(db)) {
        for (IndexDescriptor index : collection.indexes()) {
          if (index.expireAfterSeconds().isPresent() && !collection.isView()) {
            deleted += expire(collection, index);
          }
        }
      }
    }
    return deleted;
  }

  private long expire(CollectionMetadata collection, IndexDescriptor index) {
    long cutoff = clock.millis() - index.expireAfterSeconds().getAsLong() * 1000;
    String field = index.keyPattern().getFirstKey();
    Matcher expired = Matcher.compile(new BsonDocument(field, new BsonDocument("$lte", new BsonDateTime(cutoff))));
    Interval dates = new Interval(new BsonDateTime(Long.MIN_VALUE), true, new BsonDateTime(cutoff), true);
    long total = 0;
    int deleted;
    do {
      deleted = writer.write(null, unit -> {
        Optional<CollectionMetadata> current = unit.collection(collection.namespace())
            .filter(c -> c.uuid().equals(collection.uuid()) && c.index(index.name()).isPresent());
        if (current.isEmpty()) {
          return 0;
        }
        IndexScan scan = new IndexScan(current.get().index(index.name()).get(), List.of(List.of(dates)), false, false);
        List<StoredDocument> batch = new ArrayList<>();
        try (DocumentCursor candidates = scan.open(unit.view(), current.get(), new ScanStats())) {
          while (candidates.hasNext() && batch.size() < BATCH) {
            StoredDocument candidate = candidates.next();
            if (expired.matches(candidate.document())) {
              batch.add(candidate);
            }
          }
        }
        batch.forEach(document -> unit.delete(current.get(), document));
        return batch.size();
      });
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
