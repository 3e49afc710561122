package io.tributary.engine.command.crud;

import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.bson.TypeBracket;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.plan.PlanChoice;
import io.tributary.engine.plan.QueryPlan;
import io.tributary.engine.plan.QueryPlanner;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.plan.ScanStats;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.ReadView;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.BsonDocument;
import org.bson.BsonValue;

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
   * whether they come in the request's sort order. A lookup by {@code _id} alone reads the {@code _id} index
   * directly, unplanned.
   */
  public static QueryResults query(ReadView view, CollectionMetadata collection, QueryRequest request,
      Matcher matcher) {
    Optional<BsonValue> id = request.idLookup().filter(value -> TypeBracket.of(value) != TypeBracket.STRING
        || collection.idIndex().collation().equals(matcher.collation()));
    if (id.isPresent()) {
      // The _id index exists from the collection's creation on, so no plan and no catalog read are needed. A
      // string under another collation than the index's is not a key of it: the planner decides (a scan).
      return new QueryResults(Documents.findById(view, collection, id.get()).stream()
          .map(stored -> new MatchedDocument(stored, matcher.match(stored.document())))
          .filter(m -> m.match().matched()), true);
    }
    CollectionMetadata planned = asOf(view, collection);
    PlanChoice choice = QueryPlanner.plan(planned, request, matcher);
    return new QueryResults(execute(view, planned, matcher, choice.winner(), new ScanStats()),
        choice.winner().providesSort());
  }

  /**
   * The collection as the read's snapshot stored it: its indexes and multikey flags committed in the same batches
   * as the data, so a snapshot read at an older time never uses an index built since, and a read never plans with
   * a multikey flag older than its data. A collection created by the unit being staged is not stored yet.
   */
  public static CollectionMetadata asOf(ReadView view, CollectionMetadata collection) {
    byte[] stored = view.get(KeySpace.CATALOG, KeyLayout.catalogKey(collection.namespace()));
    if (stored == null) {
      return collection;
    }
    CollectionMetadata then = CollectionMetadata.fromBson(BsonBytes.decode(stored));
    return then.uuid().equals(collection.uuid()) ? then : collection;
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
