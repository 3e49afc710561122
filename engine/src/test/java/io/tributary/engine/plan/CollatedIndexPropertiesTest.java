package io.tributary.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.command.crud.SortOrder;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A collated index is never wrong: under its collation, a find through the planner (which uses the index, its
 * bounds in comparison keys) returns exactly the documents of a collection scan, and a sort is in the collation's
 * order; under another collation the index is used (planned or hinted) only where that cannot matter.
 */
class CollatedIndexPropertiesTest {
  private static final List<String> WORDS = List.of("a", "A", "á", "Á", "b", "B", "ab", "Ab", "a b", "10", "9", "");
  private static final List<String> COLLATIONS = List.of("{locale: 'en', strength: 2}", "{locale: 'en', strength: 1}",
      "{locale: 'en'}", "{locale: 'en', numericOrdering: true}", "{locale: 'fr', caseFirst: 'upper'}",
      "{locale: 'en', alternate: 'shifted'}");
  private static final List<String> OPERATORS = List.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void collatedIndexResultsEqualCollectionScan(@ForAll("values") List<BsonValue> values,
      @ForAll("collations") String indexCollation, @ForAll("collations") String queryCollation,
      @ForAll("filters") List<BsonDocument> filters, @ForAll boolean descending) {
    try (Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build()) {
      CommandHarness harness = new CommandHarness(engine);
      harness.run("db", "{createIndexes: 'c', indexes: [{key: {s: " + (descending ? -1 : 1) + "}, name: 's',"
          + " collation: " + indexCollation + "}]}");
      BsonArray documents = new BsonArray();
      for (int i = 0; i < values.size(); i++) {
        documents.add(new BsonDocument("_id", new BsonInt32(i)).append("s", values.get(i)));
      }
      if (!documents.isEmpty()) {
        harness.run("db", new BsonDocument("insert", new BsonString("c")).append("documents", documents));
      }
      BsonDocument collation = BsonDocument.parse(queryCollation);
      BsonDocument sort = BsonDocument.parse("{s: 1}");
      for (BsonDocument filter : filters) {
        List<BsonValue> scanned = ids(find(harness, filter, collation, null, BsonDocument.parse("{$natural: 1}")));
        assertThat(ids(find(harness, filter, collation, null, null)))
            .as("index %s, query %s, filter %s", indexCollation, queryCollation, filter.toJson())
            .containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(ids(find(harness, filter, collation, null, new BsonString("s"))))
            .as("hinted: index %s, query %s, filter %s", indexCollation, queryCollation, filter.toJson())
            .containsExactlyInAnyOrderElementsOf(scanned);
        List<BsonDocument> sorted = find(harness, filter, collation, sort, null);
        assertThat(ids(sorted)).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(sorted).isSortedAccordingTo(SortOrder.parse(sort, Collation.parse(collation)));
      }
      IndexConsistency.check(engine);
    }
  }

  private static List<BsonDocument> find(CommandHarness harness, BsonDocument filter, BsonDocument collation,
      BsonDocument sort, BsonValue hint) {
    BsonDocument command = new BsonDocument("find", new BsonString("c")).append("filter", filter)
        .append("collation", collation).append("batchSize", new BsonInt32(10_000));
    if (sort != null) {
      command.append("sort", sort);
    }
    if (hint != null) {
      command.append("hint", hint);
    }
    List<BsonDocument> results = new ArrayList<>();
    harness.run("db", command).getDocument("cursor").getArray("firstBatch")
        .forEach(d -> results.add(d.asDocument()));
    return results;
  }

  private static List<BsonValue> ids(List<BsonDocument> documents) {
    return documents.stream().map(d -> d.get("_id")).toList();
  }

  @Provide
  Arbitrary<List<BsonValue>> values() {
    return value().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<String> collations() {
    return Arbitraries.of(COLLATIONS);
  }

  @Provide
  Arbitrary<List<BsonDocument>> filters() {
    Arbitrary<BsonDocument> filter = Arbitraries.of(OPERATORS).flatMap(operator -> operator.equals("$in")
        ? value().list().ofMinSize(1).ofMaxSize(3).map(in -> new BsonDocument("s",
            new BsonDocument("$in", new BsonArray(in))))
        : value().map(operand -> new BsonDocument("s", new BsonDocument(operator, operand))));
    return filter.list().ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<BsonValue> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(WORDS).map(word -> (BsonValue) new BsonString(word))),
        Tuple.of(1, Arbitraries.integers().between(0, 3).map(n -> (BsonValue) new BsonInt32(n))));
  }
}
