package io.tributary.engine.query;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.bson.TypeBracket;
import io.tributary.engine.collation.Collation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * The index bounds a filter implies for one indexed path (mongod's {@code IndexBoundsBuilder}): a sorted list of
 * disjoint {@link Interval}s that contains the key of every document the filter can match. Only the filter's
 * top-level conjuncts on exactly that path count ({@code $eq}, {@code $gt $gte $lt $lte}, {@code $in} without
 * regular expressions); anything else leaves the path unbounded. Bounds are a superset: the filter is still
 * applied to every fetched document. Under a collation the bounds are in comparison keys ({@link Collation#key}),
 * which is what an index with the same collation holds. Stateless and thread-safe.
 *
 * <p>On a multikey index the conjuncts on one path may be satisfied by different array elements, so their
 * bounds are not intersected: one of them (an equality or {@code $in} if any) is used alone. A null equality
 * on a dotted path of a multikey index has no bounds: an array element missing the field matches it without
 * contributing a null key.
 */
public final class IndexBounds {
  private IndexBounds() {}

  /** The bounds of {@code path}, or empty when the filter does not bound it. */
  public static Optional<List<Interval>> of(Matcher matcher, String path, boolean multikey) {
    FieldPath target = FieldPath.parse(path);
    if (target.parts().stream().anyMatch(FieldPath::isArrayIndex)) {
      return Optional.empty();
    }
    if (!(matcher instanceof CompiledFilter compiled)) {
      return Optional.empty();
    }
    List<MatchExpression> conjuncts = conjuncts(compiled.root());
    List<ValuePredicate> predicates = new ArrayList<>();
    for (MatchExpression conjunct : conjuncts) {
      if (conjunct instanceof PathMatch match && match.path().equals(target)) {
        predicates.add(match.predicate());
      }
    }
    boolean nullBoundable = !multikey || target.length() == 1;
    return combine(predicates, multikey, nullBoundable);
  }

  /**
   * The branches of a top-level {@code $or} as filters of their own, each joined with the filter's other
   * top-level conjuncts (a document matches the filter exactly when it matches a branch), or empty when the
   * filter has no single top-level {@code $or}.
   */
  public static Optional<List<Matcher>> orBranches(Matcher matcher) {
    if (!(matcher instanceof CompiledFilter compiled)) {
      return Optional.empty();
    }
    List<MatchExpression> conjuncts = conjuncts(compiled.root());
    List<MatchExpression> ors = conjuncts.stream().filter(c -> c instanceof MatchExpression.Or).toList();
    if (ors.size() != 1) {
      return Optional.empty();
    }
    List<MatchExpression> rest = new ArrayList<>(conjuncts);
    rest.remove(ors.get(0));
    List<Matcher> branches = new ArrayList<>();
    for (MatchExpression branch : ((MatchExpression.Or) ors.get(0)).children()) {
      List<MatchExpression> all = new ArrayList<>(rest);
      all.addAll(conjuncts(branch));
      branches.add(new CompiledFilter(all.size() == 1 ? branch : new MatchExpression.And(List.copyOf(all)),
          compiled.collation()));
    }
    return Optional.of(branches);
  }

  /** The conjuncts of a filter, nested {@code $and}s flattened. */
  private static List<MatchExpression> conjuncts(MatchExpression root) {
    if (!(root instanceof MatchExpression.And and)) {
      return List.of(root);
    }
    List<MatchExpression> flat = new ArrayList<>();
    and.children().forEach(child -> flat.addAll(conjuncts(child)));
    return flat;
  }

  private static Optional<List<Interval>> combine(List<ValuePredicate> predicates, boolean multikey,
      boolean nullBoundable) {
    List<List<Interval>> bounded = new ArrayList<>();
    for (ValuePredicate predicate : predicates) {
      if (predicate instanceof ValuePredicate.AllOf all) {
        combine(all.predicates(), multikey, nullBoundable).ifPresent(bounded::add);
      } else {
        intervals(predicate, nullBoundable).ifPresent(bounded::add);
      }
    }
    if (bounded.isEmpty()) {
      return Optional.empty();
    }
    if (multikey) {
      return Optional.of(bounded.stream().filter(list -> list.stream().allMatch(Interval::isPoint)).findFirst()
          .orElse(bounded.get(0)));
    }
    return bounded.stream().reduce(IndexBounds::intersect);
  }

  private static Optional<List<Interval>> intervals(ValuePredicate predicate, boolean nullBoundable) {
    if (predicate instanceof ValuePredicate.Equals equals) {
      return equality(key(equals.operand(), equals.strings()), nullBoundable).map(List::of);
    }
    if (predicate instanceof ValuePredicate.InSet in && in.regexes().isEmpty()) {
      List<Interval> points = new ArrayList<>();
      for (BsonValue value : in.values()) {
        Optional<Interval> point = equality(key(value, in.strings()), nullBoundable);
        if (point.isEmpty()) {
          return Optional.empty();
        }
        points.add(point.get());
      }
      return Optional.of(union(points));
    }
    if (predicate instanceof ValuePredicate.Comparison comparison) {
      return comparison(comparison, nullBoundable);
    }
    return Optional.empty();
  }

  /**
   * An operand as a collated index stores it (its comparison key), so that bounds are computed, intersected and
   * merged in the collation's order; under binary order, itself.
   */
  private static BsonValue key(BsonValue operand, Comparator<String> strings) {
    return strings instanceof Collation collation ? collation.key(operand) : operand;
  }

  /** Arrays equal both the array and an element, so an array equality has no bounds here. */
  private static Optional<Interval> equality(BsonValue operand, boolean nullBoundable) {
    if (operand.isArray()) {
      return Optional.empty();
    }
    if (operand.isNull()) {
      return nullBoundable ? Optional.of(Interval.nullish()) : Optional.empty();
    }
    return Optional.of(Interval.point(operand));
  }

  private static Optional<List<Interval>> comparison(ValuePredicate.Comparison comparison, boolean nullBoundable) {
    BsonValue operand = key(comparison.operand(), comparison.strings());
    boolean inclusive = comparison.operator() == ValuePredicate.Comparison.Operator.GTE
        || comparison.operator() == ValuePredicate.Comparison.Operator.LTE;
    boolean lower = comparison.operator() == ValuePredicate.Comparison.Operator.GT
        || comparison.operator() == ValuePredicate.Comparison.Operator.GTE;
    if (operand.isArray()) {
      return Optional.empty();
    }
    if (operand.isNull()) {
      return inclusive ? equality(operand, nullBoundable).map(List::of) : Optional.of(List.of());
    }
    TypeBracket bracket = TypeBracket.of(operand);
    if (bracket == TypeBracket.MIN_KEY || bracket == TypeBracket.MAX_KEY) {
      return Optional.of(List.of(Interval.all()));
    }
    if (operand.isDouble() && Double.isNaN(operand.asDouble().getValue())) {
      return Optional.of(inclusive ? List.of(Interval.point(operand)) : List.of());
    }
    Interval whole = bracket(bracket);
    return Optional.of(List.of(lower ? new Interval(operand, inclusive, whole.high(), whole.highInclusive())
        : new Interval(whole.low(), whole.lowInclusive(), operand, inclusive)));
  }

  /** All values of a type bracket, as mongod bounds them ({@code [-inf, inf]}, {@code ["", {})}...). */
  private static Interval bracket(TypeBracket bracket) {
    return switch (bracket) {
      case NUMBER -> new Interval(new BsonDouble(Double.NEGATIVE_INFINITY), true,
          new BsonDouble(Double.POSITIVE_INFINITY), true);
      case STRING -> new Interval(new BsonString(""), true, new BsonDocument(), false);
      case OBJECT -> new Interval(new BsonDocument(), true, new BsonArray(), false);
      case BINARY -> new Interval(new BsonBinary(new byte[0]), true, new BsonObjectId(new ObjectId(new byte[12])),
          false);
      case OBJECT_ID -> new Interval(new BsonObjectId(new ObjectId(new byte[12])), true,
          new BsonObjectId(new ObjectId("ffffffffffffffffffffffff")), true);
      case BOOLEAN -> new Interval(BsonBoolean.FALSE, true, BsonBoolean.TRUE, true);
      case DATE -> new Interval(new BsonDateTime(Long.MIN_VALUE), true, new BsonDateTime(Long.MAX_VALUE), true);
      default -> Interval.all();
    };
  }

  /** Sorted, with overlapping points merged (points only: {@code $in}). */
  private static List<Interval> union(List<Interval> points) {
    List<Interval> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparing(Interval::low, BsonOrder.COMPARATOR));
    List<Interval> merged = new ArrayList<>();
    for (Interval interval : sorted) {
      Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.intersect(interval) != null) {
        Interval wider = BsonOrder.compare(interval.high(), last.high()) > 0 ? interval : last;
        merged.set(merged.size() - 1, new Interval(last.low(), last.lowInclusive(), wider.high(),
            wider.highInclusive()));
      } else {
        merged.add(interval);
      }
    }
    return merged;
  }

  private static List<Interval> intersect(List<Interval> left, List<Interval> right) {
    List<Interval> result = new ArrayList<>();
    for (Interval a : left) {
      for (Interval b : right) {
        Interval both = a.intersect(b);
        if (both != null) {
          result.add(both);
        }
      }
    }
    return result;
  }
}
