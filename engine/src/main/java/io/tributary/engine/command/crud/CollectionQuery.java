package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.plan.PlanChoice;
import io.tributary.engine.plan.QueryPlan;
import io.tributary.engine.plan.QueryPlanner;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.plan.ScanStats;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.ReadView;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.BsonDocument;

/**
 * The documents of a collection that match a filter, lazily, read through the plan the {@link QueryPlanner}
 * chooses (an index scan with bounds, or a collection scan in natural order); the filter is applied to every
 * document the plan yields. The returned streams hold storage resources: close them. Stateless.
 */
public final class CollectionQuery {
  private CollectionQuery() {}

  public static Stream<MatchedDocument> matching(ReadView view, CollectionMetadata collection, BsonDocument filter) {
    return matching(view, collection, filter, Matcher.compile(filter));
  }

  /** As {@link #matching(ReadView, CollectionMetadata, BsonDocument)}, with {@code filter} already compiled. */
  public static Stream<MatchedDocument> matching(ReadView view, CollectionMetadata collection, BsonDocument filter,
      Matcher matcher) {
    return query(view, collection, QueryRequest.of(filter), matcher).documents();
  }

  /**
   * Plans {@code request} ({@code matcher} is its compiled filter) and runs the winning plan; the results say
   * whether they come in the request's sort order.
   */
  public static QueryResults query(ReadView view, CollectionMetadata collection, QueryRequest request,
      Matcher matcher) {
    PlanChoice choice = QueryPlanner.plan(collection, request, matcher);
    return new QueryResults(execute(view, collection, matcher, choice.winner(), new ScanStats()),
        choice.winner().providesSort());
  }

  /** The documents {@code plan} yields that match, counting what it examines into {@code stats}. */
  public static Stream<MatchedDocument> execute(ReadView view, CollectionMetadata collection, Matcher matcher,
      QueryPlan plan, ScanStats stats) {
    DocumentCursor cursor = plan.open(view, collection, stats);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
        .onClose(cursor::close)
        .map(stored -> new MatchedDocument(stored, matcher.match(stored.document())))
        .filter(m -> m.match().matched());
  }
}
