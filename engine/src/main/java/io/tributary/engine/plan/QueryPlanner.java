package io.tributary.engine.plan;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.IndexBounds;
import io.tributary.engine.query.Interval;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonNumber;
import org.bson.BsonUndefined;
import org.bson.BsonValue;

/**
 * Chooses how a query reads a collection (mongod's query planner, without trial runs): an index is a candidate
 * when the filter bounds its first field or the index yields the requested sort; a sparse index only when its
 * bounds exclude null (a sparse index lacks documents missing the field), a partial index only when the filter
 * implies its {@code partialFilterExpression}. Candidates are ranked by how selective their bounds look (a unique
 * index fixed to one key first, then the number of leading fields fixed to points, then bounds, then sort); no
 * candidate means one index scan per branch of a top-level {@code $or} if every branch has one, else a collection
 * scan. A hint is obeyed, never ignored: an index name or key pattern that names no
 * usable index fails with BadValue, {@code {$natural: ±1}} forces a collection scan. Hidden indexes are never
 * used. Stateless.
 */
public final class QueryPlanner {
  private QueryPlanner() {}

  private record Candidate(IndexScan scan, int score) {}

  public static PlanChoice plan(CollectionMetadata collection, QueryRequest request, Matcher matcher) {
    if (request.hint() != null) {
      return new PlanChoice(hinted(collection, request, matcher), List.of());
    }
    List<Candidate> candidates = new ArrayList<>();
    for (IndexDescriptor index : collection.indexes()) {
      if (isOrdered(index) && !isHidden(index)) {
        candidate(index, request, matcher, false).ifPresent(candidates::add);
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::score).reversed());
    if (candidates.isEmpty()) {
      return new PlanChoice(orPlan(collection, matcher).orElse(new CollectionScan(false)), List.of());
    }
    List<QueryPlan> rejected = new ArrayList<>();
    candidates.subList(1, candidates.size()).forEach(c -> rejected.add(c.scan()));
    return new PlanChoice(candidates.get(0).scan(), rejected);
  }

  /** One index scan per branch of a top-level {@code $or}, when every branch has one. */
  private static Optional<QueryPlan> orPlan(CollectionMetadata collection, Matcher matcher) {
    Optional<List<Matcher>> branches = IndexBounds.orBranches(matcher);
    if (branches.isEmpty()) {
      return Optional.empty();
    }
    List<IndexScan> scans = new ArrayList<>();
    for (Matcher branch : branches.get()) {
      QueryPlan plan = plan(collection, QueryRequest.of(new BsonDocument()), branch).winner();
      if (!(plan instanceof IndexScan scan)) {
        return Optional.empty();
      }
      scans.add(scan);
    }
    return Optional.of(new OrScan(scans));
  }

  private static QueryPlan hinted(CollectionMetadata collection, QueryRequest request, Matcher matcher) {
    BsonValue hint = request.hint();
    if (hint.isDocument() && hint.asDocument().containsKey("$natural")) {
      BsonValue direction = hint.asDocument().get("$natural");
      return new CollectionScan(direction.isNumber() && direction.asNumber().doubleValue() < 0);
    }
    IndexDescriptor index = collection.indexes().stream().filter(i -> names(i, hint) && !isHidden(i)).findFirst()
        .orElseThrow(QueryPlanner::badHint);
    return candidate(index, request, matcher, true).orElseThrow(QueryPlanner::badHint).scan();
  }

  private static boolean names(IndexDescriptor index, BsonValue hint) {
    if (hint.isString()) {
      return index.name().equals(hint.asString().getValue());
    }
    return hint.isDocument() && new ArrayList<>(hint.asDocument().keySet())
        .equals(new ArrayList<>(index.keyPattern().keySet())) && BsonOrder.compare(hint, index.keyPattern()) == 0;
  }

  private static MongoError badHint() {
    return ErrorCode.BAD_VALUE.error("hint provided does not correspond to an existing index");
  }

  /** A hidden index is maintained but invisible to the planner, hints included. */
  private static boolean isHidden(IndexDescriptor index) {
    return index.spec().getBoolean("hidden", BsonBoolean.FALSE).getValue();
  }

  /** Text, hashed and geo indexes keep no order the planner can use. */
  private static boolean isOrdered(IndexDescriptor index) {
    return index.keyPattern().values().stream().allMatch(BsonValue::isNumber);
  }

  private static Optional<Candidate> candidate(IndexDescriptor index, QueryRequest request, Matcher matcher,
      boolean hinted) {
    // A partial filter's bounds are binary; a collated query's are comparison keys: not comparable.
    if (index.partialFilter().isPresent() && (!matcher.collation().isSimple()
        || !PartialFilters.implied(index.partialFilter().get(), matcher))) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>(index.keyPattern().keySet());
    boolean sameCollation = index.collation().equals(matcher.collation());
    List<Optional<List<Interval>>> found = new ArrayList<>();
    fields.forEach(field -> found.add(IndexBounds.of(matcher, field, index.multikey())
        .flatMap(intervals -> CollatedBounds.inIndex(intervals, sameCollation))));
    List<List<Interval>> bounds = found.stream().map(b -> b.orElse(List.of(Interval.all()))).toList();
    boolean firstBounded = found.get(0).isPresent();
    BsonDocument sort = sameCollation ? request.sort() : null;
    int direction = SortSupport.direction(fields, descending(index), bounds, sort, index.multikey());
    boolean providesSort = sort != null && !sort.isEmpty() && direction != SortSupport.NONE;
    boolean useful = firstBounded || providesSort;
    if (!hinted && (!useful || index.isSparse() && !excludesNull(found.get(0)))) {
      return Optional.empty();
    }
    IndexScan scan = new IndexScan(index, bounds, direction == SortSupport.BACKWARD, providesSort);
    return Optional.of(new Candidate(scan, score(index, found, providesSort)));
  }

  private static int score(IndexDescriptor index, List<Optional<List<Interval>>> found, boolean providesSort) {
    int points = 0;
    while (points < found.size() && found.get(points).map(SortSupport::isPoint).orElse(false)) {
      points++;
    }
    if (index.isUnique() && points == found.size()) {
      return 1_000;
    }
    int bounded = (int) found.stream().filter(Optional::isPresent).count();
    return points * 10 + (found.get(0).isPresent() ? 5 : 0) + bounded + (providesSort ? 3 : 0);
  }

  private static boolean excludesNull(Optional<List<Interval>> bounds) {
    return bounds.isPresent() && bounds.get().stream()
        .noneMatch(i -> i.contains(BsonNull.VALUE) || i.contains(new BsonUndefined()));
  }

  static List<Boolean> descending(IndexDescriptor index) {
    List<Boolean> descending = new ArrayList<>();
    index.keyPattern().values().forEach(v -> descending.add(v instanceof BsonNumber n && n.doubleValue() < 0));
    return descending;
  }
}
