package io.tributary.engine.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonArbitraries;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.MatchResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/** Whatever the update and the document, parsing and applying fail only with MongoDB errors. */
class UpdateRobustnessProperties {
  private static final List<String> OPERATORS = List.of("$set", "$unset", "$inc", "$mul", "$min", "$max",
      "$rename", "$currentDate", "$setOnInsert", "$push", "$addToSet", "$pop", "$pull", "$pullAll", "$bit");
  private static final List<String> PATHS =
      List.of("a", "b", "a.b", "a.0", "a.$", "a.$[]", "a.$[x]", "_id", "_id.a", "c.10", "a.b.c.d", "ab", "c");
  private static final List<String> BAD_PATHS = List.of("a.$[y].b", "$", "", "a..b", "$x");

  @Provide
  Arbitrary<BsonDocument> updates() {
    Arbitrary<BsonValue> operands = Arbitraries.oneOf(List.of(BsonArbitraries.values(2),
        Arbitraries.of(PATHS).map(BsonString::new),
        Arbitraries.of(new BsonDocument("$each", new BsonArray(List.of(new BsonInt32(1)))),
            BsonDocument.parse("{$each: [3, 1], $sort: 1, $slice: -1, $position: 0}"),
            BsonDocument.parse("{$gt: 1}"), BsonDocument.parse("{and: 5}"), BsonDocument.parse("{$type: 'date'}"))));
    Arbitrary<String> paths =
        Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(PATHS)), Tuple.of(1, Arbitraries.of(BAD_PATHS)));
    Arbitrary<String> operators =
        Arbitraries.frequencyOf(Tuple.of(15, Arbitraries.of(OPERATORS)), Tuple.of(1, Arbitraries.just("$foo")));
    Arbitrary<BsonDocument> clause = Combinators.combine(operators, paths, operands)
        .as((operator, path, operand) -> new BsonDocument(operator, new BsonDocument(path, operand)));
    return clause.list().ofMinSize(1).ofMaxSize(3).map(clauses -> {
      BsonDocument update = new BsonDocument();
      clauses.forEach(c -> update.putAll(c));
      return update;
    });
  }

  @Provide
  Arbitrary<BsonDocument> documents() {
    return BsonArbitraries.documents(2).map(document -> {
      BsonDocument withId = new BsonDocument("_id", new BsonInt32(1));
      document.forEach((name, value) -> withId.put(name.isEmpty() ? "c" : name, value));
      return withId;
    });
  }

  @Property(tries = 600)
  void onlyMongoErrorsEscape(@ForAll("updates") BsonDocument spec, @ForAll("documents") BsonDocument document,
      @ForAll boolean insert) {
    BsonArray filters = spec.toJson().contains("$[x]")
        ? BsonDocument.parse("{f: [{x: {$gt: 0}}]}").getArray("f") : null;
    Update update;
    try {
      update = Update.parse(spec, filters);
    } catch (MongoError expected) {
      Statistics.collect("rejected when parsed");
      return;
    }
    try {
      assertThat(update.apply(document, new MatchResult(true, 0), insert).document()).isNotNull();
      Statistics.collect("applied");
    } catch (MongoError expected) {
      Statistics.collect("rejected when applied");
    }
  }
}
