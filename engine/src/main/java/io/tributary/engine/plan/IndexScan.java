package io.tributary.engine.plan;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.query.Interval;
import io.tributary.engine.storage.ReadView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNumber;
import org.bson.BsonString;

/**
 * A scan of one index between bounds, fetching each document once (a multikey document has several keys, and
 * bounds may overlap), in index order or, {@code backward}, in reverse.
 *
 * @param bounds one list of ascending, disjoint intervals per key-pattern field
 * @param providesSort whether the scan's order is the request's sort order
 */
public record IndexScan(IndexDescriptor index, List<List<Interval>> bounds, boolean backward,
    boolean providesSort) implements QueryPlan {

  public IndexScan {
    bounds = bounds.stream().map(List::copyOf).toList();
  }

  @Override
  public DocumentCursor open(ReadView view, CollectionMetadata collection, ScanStats stats) {
    List<KeyRange> ranges = new ArrayList<>(KeyRange.of(bounds, QueryPlanner.descending(index)));
    if (backward) {
      Collections.reverse(ranges);
    }
    return new IndexScanCursor(view, collection, index, ranges, backward, stats);
  }

  @Override
  public BsonDocument explain(BsonDocument parsedQuery) {
    BsonDocument fetch = new BsonDocument("stage", new BsonString("FETCH"));
    if (!parsedQuery.isEmpty()) {
      fetch.append("filter", parsedQuery);
    }
    return fetch.append("inputStage", explainScan());
  }

  /** The {@code IXSCAN} stage alone. */
  BsonDocument explainScan() {
    BsonDocument keyPattern = new BsonDocument();
    index.keyPattern().forEach((field, direction) -> keyPattern.append(field,
        direction instanceof BsonNumber n && !direction.isDouble() ? new BsonInt32(n.intValue()) : direction));
    return new BsonDocument("stage", new BsonString("IXSCAN"))
        .append("keyPattern", keyPattern)
        .append("indexName", new BsonString(index.name()))
        .append("isMultiKey", BsonBoolean.valueOf(index.multikey()))
        .append("isUnique", BsonBoolean.valueOf(index.isUnique()))
        .append("isSparse", BsonBoolean.valueOf(index.isSparse()))
        .append("isPartial", BsonBoolean.valueOf(index.partialFilter().isPresent()))
        .append("indexVersion", new BsonInt32(2))
        .append("direction", new BsonString(backward ? "backward" : "forward"))
        .append("indexBounds", explainBounds());
  }

  /** mongod's {@code indexBounds}: per field, intervals as strings in the order the scan visits them. */
  private BsonDocument explainBounds() {
    BsonDocument rendered = new BsonDocument();
    List<String> fields = new ArrayList<>(index.keyPattern().keySet());
    List<Boolean> descending = QueryPlanner.descending(index);
    for (int i = 0; i < fields.size(); i++) {
      boolean reversed = descending.get(i) != backward;
      List<Interval> intervals = new ArrayList<>(bounds.get(i));
      if (reversed) {
        Collections.reverse(intervals);
      }
      BsonArray strings = new BsonArray();
      intervals.forEach(interval -> strings.add(new BsonString(BoundsFormat.render(interval, reversed))));
      rendered.append(fields.get(i), strings);
    }
    return rendered;
  }
}
