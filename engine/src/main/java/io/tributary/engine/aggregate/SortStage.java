package io.tributary.engine.aggregate;

import io.tributary.engine.expression.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $sort}: a stable sort in {@link io.tributary.engine.bson.BsonOrder} (strings under the run's collation) by
 * one or more keys; blocking. When a
 * {@code $limit} follows, only the first {@code limit} documents are kept while sorting (a bounded heap), so a
 * top-k query holds k documents, not the whole input.
 */
record SortStage(List<SortKey> keys, long limit) implements Stage {
  static final String NAME = "$sort";

  /** A document and its input position, which breaks ties so the bounded sort stays stable. */
  private record Ranked(BsonDocument document, long position) {}

  static SortStage parse(BsonValue spec) {
    return new SortStage(SortKey.parse(spec), Long.MAX_VALUE);
  }

  /** The same sort keeping only the first {@code limit} documents. */
  SortStage limitedTo(long limit) {
    return new SortStage(keys, Math.min(this.limit, limit));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    Comparator<BsonDocument> comparator = SortKey.comparator(keys, execution.variables().collation());
    return limit == Long.MAX_VALUE ? Deferred.afterDraining(input, documents -> sortAll(documents, comparator))
        : new Deferred(() -> sortTop(input, comparator).iterator());
  }

  private static List<BsonDocument> sortAll(List<BsonDocument> documents, Comparator<BsonDocument> comparator) {
    documents.sort(comparator);
    return documents;
  }

  private List<BsonDocument> sortTop(Iterator<BsonDocument> input, Comparator<BsonDocument> comparator) {
    Comparator<Ranked> order = Comparator.<Ranked, BsonDocument>comparing(Ranked::document, comparator)
        .thenComparingLong(Ranked::position);
    PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(order.reversed());
    long position = 0;
    while (input.hasNext()) {
      worstFirst.add(new Ranked(input.next(), position++));
      if (worstFirst.size() > limit) {
        worstFirst.poll();
      }
    }
    List<Ranked> kept = new ArrayList<>(worstFirst);
    kept.sort(order);
    List<BsonDocument> documents = new ArrayList<>(kept.size());
    kept.forEach(ranked -> documents.add(ranked.document()));
    return documents;
  }
}
