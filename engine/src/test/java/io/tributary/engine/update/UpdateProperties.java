package io.tributary.engine.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.MatchResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

class UpdateProperties {
  private static final List<String> NAMES = List.of("a", "b", "c", "1", "x.y");
  private static final List<String> PATHS =
      List.of("a", "b", "c", "a.b", "a.0", "a.1", "b.c.d", "c.1", "c.1.b", "a.5", "a.0.b", "b.a", "1", "c.$[]");
  private static final List<String> OPERATORS =
      List.of("$set", "$unset", "$inc", "$mul", "$min", "$max", "$push", "$addToSet", "$pop", "$pull", "$rename",
          "$currentDate", "$bit");

  @Provide
  Arbitrary<BsonDocument> documents() {
    return document(2).map(document -> {
      BsonDocument withId = new BsonDocument("_id", new BsonInt32(1));
      withId.putAll(document);
      return withId;
    });
  }

  private Arbitrary<BsonDocument> document(int depth) {
    return Arbitraries.maps(Arbitraries.of(NAMES), value(depth)).ofMaxSize(4).map(map -> {
      BsonDocument document = new BsonDocument();
      map.forEach(document::append);
      return document;
    });
  }

  private Arbitrary<BsonValue> value(int depth) {
    Arbitrary<BsonValue> scalars = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).map(BsonInt32::new),
        Arbitraries.longs().between(-3, 3).map(BsonInt64::new),
        Arbitraries.of(0.5, -1.0, 2.0).map(BsonDouble::new),
        Arbitraries.of("s", "t").map(BsonString::new),
        Arbitraries.just(BsonNull.VALUE));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<BsonValue> arrays = value(depth - 1).list().ofMaxSize(3).map(BsonArray::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalars),
        net.jqwik.api.Tuple.of(1, document(depth - 1).map(d -> (BsonValue) d)),
        net.jqwik.api.Tuple.of(1, arrays));
  }

  @Provide
  Arbitrary<BsonDocument> updates() {
    Arbitrary<BsonDocument> clause = Combinators.combine(Arbitraries.of(OPERATORS), Arbitraries.of(PATHS), value(1),
        Arbitraries.of(PATHS)).as(UpdateProperties::clause);
    return clause.list().ofMinSize(1).ofMaxSize(3).map(clauses -> {
      BsonDocument update = new BsonDocument();
      for (BsonDocument c : clauses) {
        String operator = c.getFirstKey();
        BsonDocument fields = update.containsKey(operator) ? update.getDocument(operator) : new BsonDocument();
        fields.putAll(c.getDocument(operator));
        update.put(operator, fields);
      }
      return update;
    });
  }

  private static BsonDocument clause(String operator, String path, BsonValue value, String other) {
    BsonValue operand;
    switch (operator) {
      case "$inc": case "$mul": operand = value.isNumber() ? value : new BsonInt32(2); break;
      case "$pop": operand = new BsonInt32(value.isNumber() && value.asNumber().intValue() < 0 ? -1 : 1); break;
      case "$rename": operand = new BsonString(other); break;
      case "$currentDate": operand = org.bson.BsonBoolean.TRUE; break;
      case "$bit": operand = new BsonDocument("or", new BsonInt32(5)); break;
      default: operand = value;
    }
    return new BsonDocument(operator, new BsonDocument(path, operand));
  }

  private static UpdateResult applyOrSkip(BsonDocument update, BsonDocument document) {
    try {
      return Update.parse(update, null).apply(document, MatchResult.MATCH, false);
    } catch (MongoError expectedForSomeCombinations) {
      Assume.that(false);
      throw expectedForSomeCombinations;
    }
  }

  @Property(tries = 1000)
  void replayingTheDescriptionReproducesTheNewDocument(@ForAll("documents") BsonDocument document,
      @ForAll("updates") BsonDocument update) {
    UpdateResult result = applyOrSkip(update, document);
    assertThat(DescriptionReplayer.replay(document, result.description())).isEqualTo(result.document());
  }

  @Property(tries = 500)
  void applyingNeverMutatesTheInputAndNoOpsChangeNothing(@ForAll("documents") BsonDocument document,
      @ForAll("updates") BsonDocument update) {
    BsonDocument before = Values.deepCopy(document);
    UpdateResult result = applyOrSkip(update, document);
    assertThat(Values.identical(document, before)).isTrue();
    if (!result.modified()) {
      assertThat(Values.identical(result.document(), before)).isTrue();
      assertThat(result.description().updatedFields()).isEmpty();
    }
  }

  @Property(tries = 500)
  void deltasOfAnyTwoDocumentsReplay(@ForAll("documents") BsonDocument pre, @ForAll("documents") BsonDocument post) {
    // A large common field makes a delta worth recording for most pairs.
    BsonString padding = new BsonString("p".repeat(400));
    pre.append("padding", padding);
    post.append("padding", padding);
    DocumentDiff diff = DeltaCalculator.compute(pre, post);
    Assume.that(diff != null);
    assertThat(DescriptionReplayer.replay(pre, DescriptionBuilder.describe(diff))).isEqualTo(post);
  }

  @Property(tries = 300)
  void setThenReadingThePathGivesTheValue(@ForAll("documents") BsonDocument document,
      @ForAll("paths") String path, @ForAll("values") BsonValue value) {
    UpdateResult result = applyOrSkip(new BsonDocument("$set", new BsonDocument(path, value)), document);
    assertThat(Values.identical(FieldPath.parse(path).get(result.document()), value)).isTrue();
  }

  @Property(tries = 300)
  void incrementsCompose(@ForAll("documents") BsonDocument document, @ForAll("paths") String path,
      @ForAll int first, @ForAll int second) {
    Assume.that(Math.abs((long) first) < 1 << 20 && Math.abs((long) second) < 1 << 20);
    BsonDocument once = applyOrSkip(inc(path, first + second), document).document();
    BsonDocument twice = applyOrSkip(inc(path, second), applyOrSkip(inc(path, first), document).document()).document();
    assertThat(Values.identical(once, twice)).isTrue();
  }

  private static BsonDocument inc(String path, int amount) {
    return new BsonDocument("$inc", new BsonDocument(path, new BsonInt32(amount)));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("a", "b", "a.b", "b.c.d", "z", "a.0", "c.1");
  }

  @Provide
  Arbitrary<BsonValue> values() {
    return value(1);
  }
}
