package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.ReadView;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Reads of the read-only {@code local.oplog.rs} ({@link OplogCollection}): a collection scan in {@code $natural}
 * order, newest first when the sort or the hint is {@code {$natural: -1}}, so {@code find().sort({$natural: -1})
 * .limit(1)} reads one entry; a lower bound on {@code ts} in the filter starts the scan there. Stateless.
 */
final class OplogTarget {
  private OplogTarget() {}

  static QueryResults query(Engine engine, ReadView view, QueryRequest request, Matcher matcher) {
    boolean naturalSort = request.sort() == null || isNatural(request.sort());
    boolean newestFirst = naturalSort && request.sort() != null ? descending(request.sort())
        : request.hint() != null && request.hint().isDocument() && isNatural(request.hint().asDocument())
            && descending(request.hint().asDocument());
    Stream<MatchedDocument> matching = OplogCollection.documents(view, engine.oplog(), lowerBound(request.filter()),
            newestFirst)
        .map(document -> new MatchedDocument(new StoredDocument(0, document), matcher.match(document)))
        .filter(m -> m.match().matched());
    return new QueryResults(matching, naturalSort);
  }

  /** The oplog's documents oldest first, as a collection scan yields them. */
  static DocumentCursor scan(Engine engine, ReadView view) {
    Stream<BsonDocument> documents = OplogCollection.documents(view, engine.oplog(), false);
    return DocumentCursor.map(documents.iterator(), document -> new StoredDocument(0, document), documents::close);
  }

  /**
   * The earliest {@code ts} a top-level {@code {ts: T}}, {@code {ts: {$gte: T}}} or {@code {ts: {$gt: T}}} filter
   * admits, so tailing tools that read {@code ts > last} seek instead of scanning; null when there is none. The
   * filter itself is still applied to every entry.
   */
  static BsonTimestamp lowerBound(BsonDocument filter) {
    BsonValue ts = filter.get("ts");
    if (ts == null) {
      return null;
    }
    if (ts.isTimestamp()) {
      return ts.asTimestamp();
    }
    BsonValue bound = ts.isDocument() ? ts.asDocument().get("$gte") : null;
    if (bound == null && ts.isDocument()) {
      bound = ts.asDocument().get("$gt");
    }
    return bound != null && bound.isTimestamp() ? bound.asTimestamp() : null;
  }

  private static boolean isNatural(BsonDocument spec) {
    return spec.size() == 1 && spec.containsKey("$natural");
  }

  private static boolean descending(BsonDocument spec) {
    BsonValue direction = spec.get("$natural");
    return direction.isNumber() && direction.asNumber().doubleValue() < 0;
  }
}
