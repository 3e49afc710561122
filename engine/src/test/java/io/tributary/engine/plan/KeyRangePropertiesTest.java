package io.tributary.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonArbitraries;
import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.query.IndexBounds;
import io.tributary.engine.query.Interval;
import io.tributary.engine.query.Matcher;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Index bounds and their key ranges, over MongoDB's whole value space: bounds contain every value the filter
 * matches, a value lies in the bounds exactly when its key lies in one of the ranges (ascending and descending),
 * and for compound bounds every matching pair of values has its key inside a range.
 */
class KeyRangePropertiesTest {
  private static final List<String> OPERATORS = List.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

  @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN)
  void singleFieldRangesAreExactlyTheBounds(@ForAll("conditions") BsonDocument condition,
      @ForAll("values") BsonValue value, @ForAll boolean descending) {
    BsonDocument filter = new BsonDocument("a", condition);
    Optional<List<Interval>> bounds = IndexBounds.of(Matcher.compile(filter), "a", false);
    if (bounds.isEmpty()) {
      return;
    }
    boolean inBounds = bounds.get().stream().anyMatch(interval -> interval.contains(value));
    if (Matcher.compile(filter).matches(new BsonDocument("a", value))) {
      assertThat(inBounds).as("bounds %s contain matching %s", bounds.get(), value).isTrue();
    }
    List<KeyRange> ranges = KeyRange.of(List.of(bounds.get()), List.of(descending));
    byte[] key = KeyCodec.encode(List.of(value), List.of(descending));
    assertThat(ranges.stream().anyMatch(range -> contains(range, key)))
        .as("key of %s in ranges of %s (descending %s)", value, bounds.get(), descending).isEqualTo(inBounds);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
  void compoundRangesCoverEveryMatchingPair(@ForAll("conditions") BsonDocument onA,
      @ForAll("conditions") BsonDocument onB, @ForAll("values") BsonValue a, @ForAll("values") BsonValue b,
      @ForAll boolean descendingA, @ForAll boolean descendingB) {
    BsonDocument filter = new BsonDocument("a", onA).append("b", onB);
    Matcher matcher = Matcher.compile(filter);
    if (!matcher.matches(new BsonDocument("a", a).append("b", b))) {
      return;
    }
    List<List<Interval>> bounds = List.of(
        IndexBounds.of(matcher, "a", false).orElse(List.of(Interval.all())),
        IndexBounds.of(matcher, "b", false).orElse(List.of(Interval.all())));
    byte[] key = KeyCodec.encode(List.of(a, b), List.of(descendingA, descendingB));
    assertThat(KeyRange.of(bounds, List.of(descendingA, descendingB)).stream().anyMatch(r -> contains(r, key)))
        .as("(%s, %s) within %s", a, b, bounds).isTrue();
  }

  private static boolean contains(KeyRange range, byte[] key) {
    return Arrays.compareUnsigned(key, range.from()) >= 0
        && (range.to() == null || Arrays.compareUnsigned(key, range.to()) < 0);
  }

  @Provide
  Arbitrary<BsonValue> values() {
    return BsonArbitraries.scalars().filter(v -> !v.isArray() && v.getBsonType() != org.bson.BsonType.UNDEFINED);
  }

  @Provide
  Arbitrary<BsonDocument> conditions() {
    Arbitrary<BsonValue> operand = values().filter(v -> !v.isRegularExpression());
    return Combinators.combine(Arbitraries.of(OPERATORS), operand, operand.list().ofMinSize(1).ofMaxSize(4))
        .as((operator, value, list) -> new BsonDocument(operator,
            operator.equals("$in") ? new BsonArray(list) : value));
  }
}
