package io.tributary.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.command.crud.SortOrder;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The index is never wrong: for generated documents (scalars, nulls, missing fields, arrays, arrays of
 * subdocuments), indexes (single-field and compound, both directions, sparse) and filters (equality, ranges and
 * {@code $in} on indexed fields, conjunctions and top-level {@code $or}s), a find through the planner, and through every hinted non-sparse index, returns
 * exactly the documents of a collection scan; with a sort, the planner's results are in sort order. After random
 * inserts, updates and deletes, every index agrees with the data ({@link IndexConsistency}).
 */
class IndexedQueryPropertiesTest {
  private static final List<String> FIELDS = List.of("a", "b", "d.x");
  private static final List<String> OPERATORS = List.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void indexedResultsEqualCollectionScan(@ForAll("documents") List<BsonDocument> documents,
      @ForAll("indexes") List<BsonDocument> indexes, @ForAll("filters") List<BsonDocument> filters,
      @ForAll("sorts") BsonDocument sort) {
    try (Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build()) {
      CommandHarness harness = new CommandHarness(engine);
      load(harness, documents, indexes);
      for (BsonDocument filter : filters) {
        List<BsonValue> scanned = ids(find(harness, filter, null, new BsonDocument("$natural", new BsonInt32(1))));
        assertThat(ids(find(harness, filter, null, null))).as("planner, filter %s", filter.toJson())
            .containsExactlyInAnyOrderElementsOf(scanned);
        for (BsonDocument index : indexes) {
          if (!index.getBoolean("sparse", BsonBoolean.FALSE).getValue()) {
            assertThat(ids(find(harness, filter, null, index.getString("name"))))
                .as("hint %s, filter %s", index.getString("name").getValue(), filter.toJson())
                .containsExactlyInAnyOrderElementsOf(scanned);
          }
        }
        List<BsonDocument> sorted = find(harness, filter, sort, null);
        assertThat(ids(sorted)).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(sorted).as("sorted by %s, filter %s", sort.toJson(), filter.toJson())
            .isSortedAccordingTo(SortOrder.parse(sort));
      }
      IndexConsistency.check(engine);
    }
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void indexesAgreeWithDataAfterRandomWrites(@ForAll("documents") List<BsonDocument> documents,
      @ForAll("indexes") List<BsonDocument> indexes, @ForAll("writes") List<BsonDocument> writes) {
    try (Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build()) {
      CommandHarness harness = new CommandHarness(engine);
      load(harness, documents, indexes);
      for (BsonDocument write : writes) {
        harness.run("db", write.clone());
      }
      IndexConsistency.check(engine);
    }
  }

  private static void load(CommandHarness harness, List<BsonDocument> documents, List<BsonDocument> indexes) {
    harness.run("db", new BsonDocument("create", new BsonString("c")));
    if (!indexes.isEmpty()) {
      harness.run("db", new BsonDocument("createIndexes", new BsonString("c"))
          .append("indexes", new BsonArray(new ArrayList<>(indexes))));
    }
    if (!documents.isEmpty()) {
      harness.run("db", new BsonDocument("insert", new BsonString("c"))
          .append("documents", new BsonArray(new ArrayList<>(documents))));
    }
  }

  private static List<BsonDocument> find(CommandHarness harness, BsonDocument filter, BsonDocument sort,
      BsonValue hint) {
    BsonDocument command = new BsonDocument("find", new BsonString("c")).append("filter", filter)
        .append("batchSize", new BsonInt32(10_000));
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
  Arbitrary<List<BsonDocument>> documents() {
    return document().list().ofMaxSize(25).map(list -> {
      List<BsonDocument> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        BsonDocument document = new BsonDocument("_id", new BsonInt32(i));
        document.putAll(list.get(i));
        numbered.add(document);
      }
      return numbered;
    });
  }

  private static Arbitrary<BsonDocument> document() {
    Arbitrary<BsonValue> a = fieldValue();
    Arbitrary<BsonValue> b = fieldValue();
    Arbitrary<BsonValue> d = Arbitraries.oneOf(List.of(
        Arbitraries.just((BsonValue) null),
        fieldValue().map(x -> x == null ? new BsonDocument() : new BsonDocument("x", x)),
        fieldValue().list().ofMaxSize(3).map(xs -> {
          BsonArray array = new BsonArray();
          xs.forEach(x -> array.add(x == null ? new BsonDocument("y", new BsonInt32(1)) : new BsonDocument("x", x)));
          return array;
        })));
    return Combinators.combine(a, b, d).as((av, bv, dv) -> {
      BsonDocument document = new BsonDocument();
      put(document, "a", av);
      put(document, "b", bv);
      put(document, "d", dv);
      return document;
    });
  }

  private static void put(BsonDocument document, String field, BsonValue value) {
    if (value != null) {
      document.append(field, value);
    }
  }

  /** A scalar, an array of scalars, or null (the field is missing). */
  private static Arbitrary<BsonValue> fieldValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalar()),
        Tuple.of(2, scalar().list().ofMaxSize(3).map(list -> (BsonValue) new BsonArray(list))),
        Tuple.of(2, Arbitraries.just((BsonValue) null)));
  }

  private static Arbitrary<BsonValue> scalar() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.integers().between(-3, 3).map(i -> (BsonValue) new BsonInt32(i)),
        Arbitraries.integers().between(-6, 6).map(i -> (BsonValue) new BsonDouble(i / 2.0)),
        Arbitraries.strings().withChars("ab").ofMaxLength(2).map(s -> (BsonValue) new BsonString(s)),
        Arbitraries.of(BsonNull.VALUE, BsonBoolean.TRUE)));
  }

  @Provide
  Arbitrary<List<BsonDocument>> indexes() {
    Arbitrary<BsonDocument> key = Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
        .flatMap(fields -> Arbitraries.of(1, -1).list().ofSize(fields.size()).map(directions -> {
          BsonDocument pattern = new BsonDocument();
          for (int i = 0; i < fields.size(); i++) {
            pattern.append(fields.get(i), new BsonInt32(directions.get(i)));
          }
          return pattern;
        }));
    return Combinators.combine(key, Arbitraries.of(true, false, false)).as((pattern, sparse) -> {
      BsonDocument spec = new BsonDocument("key", pattern).append("name",
          new BsonString(pattern.toJson() + (sparse ? "sparse" : "")));
      return sparse ? spec.append("sparse", BsonBoolean.TRUE) : spec;
    }).list().ofMaxSize(3).uniqueElements(spec -> spec.getDocument("key"));
  }

  @Provide
  Arbitrary<List<BsonDocument>> filters() {
    Arbitrary<BsonDocument> conjunction = condition().list().ofMinSize(1).ofMaxSize(3).map(conditions ->
        conditions.size() == 1 ? conditions.get(0) : new BsonDocument("$and", new BsonArray(List.copyOf(conditions))));
    Arbitrary<BsonDocument> disjunction = Combinators.combine(conjunction.list().ofMinSize(1).ofMaxSize(3),
        condition().list().ofMaxSize(1)).as((branches, rest) -> {
          BsonDocument filter = new BsonDocument("$or", new BsonArray(List.copyOf(branches)));
          rest.forEach(filter::putAll);
          return filter;
        });
    return Arbitraries.oneOf(List.of(conjunction, conjunction, disjunction)).list().ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<BsonDocument> condition() {
    Arbitrary<BsonValue> operand = Arbitraries.oneOf(List.of(scalar(),
        scalar().list().ofMaxSize(3).map(list -> (BsonValue) new BsonArray(list))));
    return Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(OPERATORS), scalar(), operand)
        .as((field, operator, value, list) -> new BsonDocument(field, new BsonDocument(operator,
            operator.equals("$in") ? (list.isArray() ? list : new BsonArray(List.of(list))) : value)));
  }

  @Provide
  Arbitrary<BsonDocument> sorts() {
    return Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
        .flatMap(fields -> Arbitraries.of(1, -1).list().ofSize(fields.size()).map(directions -> {
          BsonDocument sort = new BsonDocument();
          for (int i = 0; i < fields.size(); i++) {
            sort.append(fields.get(i), new BsonInt32(directions.get(i)));
          }
          return sort;
        }));
  }

  @Provide
  Arbitrary<List<BsonDocument>> writes() {
    Arbitrary<BsonDocument> insert = document().map(d -> new BsonDocument("insert", new BsonString("c"))
        .append("documents", new BsonArray(List.of(d))));
    Arbitrary<BsonDocument> update = Combinators.combine(condition(), document()).as((q, d) ->
        new BsonDocument("update", new BsonString("c")).append("updates", new BsonArray(List.of(
            new BsonDocument("q", q).append("u", new BsonDocument("$set", d.isEmpty() ? new BsonDocument("z",
                new BsonInt32(1)) : d)).append("multi", BsonBoolean.TRUE)))));
    Arbitrary<BsonDocument> delete = condition().map(q -> new BsonDocument("delete", new BsonString("c"))
        .append("deletes", new BsonArray(List.of(new BsonDocument("q", q).append("limit", new BsonInt32(0))))));
    return Arbitraries.oneOf(List.of(insert, update, delete)).list().ofMaxSize(12);
  }
}
