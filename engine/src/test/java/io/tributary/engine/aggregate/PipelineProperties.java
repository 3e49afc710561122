package io.tributary.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.expression.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** Laws the stages obey whatever the documents: ordering, counting, slicing. */
class PipelineProperties {
  private static final TestContext CONTEXT = new TestContext();

  @Provide
  Arbitrary<List<BsonDocument>> documents() {
    Arbitrary<BsonValue> scalar = Arbitraries.oneOf(
        Arbitraries.integers().between(-5, 5).map(i -> (BsonValue) new BsonInt32(i)),
        Arbitraries.longs().between(-5, 5).map(l -> (BsonValue) new BsonInt64(l)),
        Arbitraries.doubles().between(-5, 5).ofScale(1).map(d -> (BsonValue) new BsonDouble(d)),
        Arbitraries.strings().alpha().ofMaxLength(2).map(s -> (BsonValue) new BsonString(s)),
        Arbitraries.just(BsonNull.VALUE));
    Arbitrary<BsonValue> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(BsonArray::new));
    return value.optional().list().ofMaxSize(25).map(values -> {
      List<BsonDocument> documents = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        BsonDocument document = new BsonDocument("_id", new BsonInt32(i));
        values.get(i).ifPresent(v -> document.append("a", v));
        documents.add(document);
      }
      return documents;
    });
  }

  private static List<BsonDocument> run(List<BsonDocument> input, String pipeline) {
    List<BsonDocument> output = new ArrayList<>();
    Pipeline.parse(PipelineAssertions.documents(pipeline), CONTEXT).run(input.iterator(), CONTEXT)
        .forEachRemaining(output::add);
    return output;
  }

  @Property
  void sortOrdersByTheSortKeyAndIsStable(@ForAll("documents") List<BsonDocument> input,
      @ForAll boolean descending) {
    List<BsonDocument> output = run(input, "[{$sort: {a: " + (descending ? -1 : 1) + "}}]");
    assertThat(output).containsExactlyInAnyOrderElementsOf(input);
    SortKey key = new SortKey(io.tributary.engine.bson.FieldPath.parse("a"), descending);
    for (int i = 1; i < output.size(); i++) {
      int order = key.compare(output.get(i - 1), output.get(i));
      assertThat(order).isLessThanOrEqualTo(0);
      if (order == 0) {
        assertThat(output.get(i - 1).getInt32("_id").getValue()).isLessThan(output.get(i).getInt32("_id").getValue());
      }
    }
  }

  @Property
  void sortThenLimitIsTheFirstElementsOfTheFullSort(@ForAll("documents") List<BsonDocument> input,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    List<BsonDocument> sorted = run(input, "[{$sort: {a: -1}}]");
    assertThat(run(input, "[{$sort: {a: -1}}, {$limit: " + limit + "}]"))
        .containsExactlyElementsOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  @Property
  void groupCountsAddUpToTheInputSize(@ForAll("documents") List<BsonDocument> input) {
    List<BsonDocument> groups = run(input, "[{$group: {_id: '$a', n: {$sum: 1}}}]");
    assertThat(groups.stream().mapToInt(group -> group.getInt32("n").getValue()).sum()).isEqualTo(input.size());
    TreeSet<BsonValue> distinct = new TreeSet<>(BsonOrder.COMPARATOR);
    input.forEach(document -> distinct.add(document.get("a", BsonNull.VALUE)));
    assertThat(groups).hasSize(distinct.size());
  }

  @Property
  void skipThenLimitIsASublist(@ForAll("documents") List<BsonDocument> input,
      @ForAll @IntRange(max = 30) int skip, @ForAll @IntRange(min = 1, max = 30) int limit) {
    List<BsonDocument> output = run(input, "[{$skip: " + skip + "}, {$limit: " + limit + "}]");
    int from = Math.min(skip, input.size());
    assertThat(output).containsExactlyElementsOf(input.subList(from, Math.min(input.size(), from + limit)));
  }

  @Property
  void countEqualsTheNumberOfMatches(@ForAll("documents") List<BsonDocument> input) {
    List<BsonDocument> counted = run(input, "[{$match: {a: {$type: 'number'}}}, {$count: 'n'}]");
    long numbers = run(input, "[{$match: {a: {$type: 'number'}}}]").size();
    assertThat(counted.isEmpty() ? 0 : counted.get(0).getInt32("n").getValue()).isEqualTo((int) numbers);
  }

  @Property
  void setThenUnsetRestoresTheDocument(@ForAll("documents") List<BsonDocument> input) {
    assertThat(run(input, "[{$set: {zz: {$add: [1, 2]}}}, {$unset: 'zz'}]")).containsExactlyElementsOf(input);
  }

  @Property
  void unwindProducesOneDocumentPerArrayElement(@ForAll("documents") List<BsonDocument> input) {
    long expected = input.stream().mapToLong(document -> {
      BsonValue a = document.get("a");
      return a == null || a.isNull() ? 0 : a.isArray() ? a.asArray().size() : 1;
    }).sum();
    assertThat(run(input, "[{$unwind: '$a'}]")).hasSize((int) expected);
  }
}
