package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonArbitraries;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Algebraic laws of the query language, checked over generated documents of every BSON type with nested
 * documents and arrays: negations, set operators and logical operators must agree with the plain operators
 * they are defined by, whatever the path traverses.
 */
class MatcherLawsTest {

  @Provide
  Arbitrary<BsonDocument> documents() {
    Arbitrary<BsonValue> leaf = BsonArbitraries.values(1);
    Arbitrary<BsonValue> inner = Arbitraries.oneOf(List.of(leaf,
        Arbitraries.maps(Arbitraries.of("b", "c", "0"), leaf).ofMaxSize(2).map(MatcherLawsTest::document),
        leaf.list().ofMaxSize(3).map(list -> (BsonValue) new BsonArray(list))));
    Arbitrary<BsonValue> outer = Arbitraries.oneOf(List.of(inner,
        Arbitraries.maps(Arbitraries.of("b", "c", "0"), inner).ofMaxSize(2).map(MatcherLawsTest::document),
        inner.list().ofMaxSize(3).map(list -> (BsonValue) new BsonArray(list))));
    return Arbitraries.maps(Arbitraries.of("a", "x"), outer).ofMaxSize(2)
        .map(fields -> document(fields).asDocument());
  }

  private static BsonValue document(Map<String, BsonValue> fields) {
    BsonDocument document = new BsonDocument();
    fields.forEach(document::append);
    return document;
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("a", "a.b", "a.0", "a.b.c", "a.0.b", "a.c.0");
  }

  @Provide
  Arbitrary<BsonValue> operands() {
    return BsonArbitraries.values(1).filter(v -> !v.isRegularExpression() && !isOperatorDocument(v)
        && v.getBsonType() != BsonType.UNDEFINED);
  }

  private static boolean isOperatorDocument(BsonValue value) {
    return FilterParser.isOperatorDocument(value);
  }

  private static boolean matches(BsonDocument document, String path, String operator, BsonValue operand) {
    return matches(document, new BsonDocument(path, new BsonDocument(operator, operand)));
  }

  private static boolean matches(BsonDocument document, BsonDocument filter) {
    return Matcher.compile(filter).matches(document);
  }

  @Property(tries = 600)
  void negationsAreComplements(@ForAll("documents") BsonDocument document, @ForAll("paths") String path,
      @ForAll("operands") BsonValue operand) {
    assertThat(matches(document, path, "$ne", operand)).isEqualTo(!matches(document, path, "$eq", operand));
    BsonArray single = new BsonArray(List.of(operand));
    assertThat(matches(document, path, "$nin", single)).isEqualTo(!matches(document, path, "$in", single));
    BsonDocument gt = new BsonDocument("$gt", operand);
    assertThat(matches(document, path, "$not", gt)).isEqualTo(!matches(document, path, "$gt", operand));
    assertThat(matches(document, new BsonDocument("$nor", new BsonArray(List.of(new BsonDocument(path, gt))))))
        .isEqualTo(!matches(document, path, "$gt", operand));
  }

  @Property(tries = 600)
  void setOperatorsAreEqualities(@ForAll("documents") BsonDocument document, @ForAll("paths") String path,
      @ForAll("operands") BsonValue first, @ForAll("operands") BsonValue second) {
    boolean eitherEqual = matches(document, path, "$eq", first) || matches(document, path, "$eq", second);
    assertThat(matches(document, path, "$in", new BsonArray(List.of(first, second)))).isEqualTo(eitherEqual);
    boolean bothEqual = matches(document, path, "$eq", first) && matches(document, path, "$eq", second);
    assertThat(matches(document, path, "$all", new BsonArray(List.of(first, second)))).isEqualTo(bothEqual);
  }

  @Property(tries = 600)
  void inclusiveBoundsAreStrictBoundsOrEquality(@ForAll("documents") BsonDocument document,
      @ForAll("paths") String path, @ForAll("operands") BsonValue operand) {
    assertThat(matches(document, path, "$gte", operand))
        .isEqualTo(matches(document, path, "$gt", operand) || matches(document, path, "$eq", operand));
    assertThat(matches(document, path, "$lte", operand))
        .isEqualTo(matches(document, path, "$lt", operand) || matches(document, path, "$eq", operand));
  }

  @Property(tries = 400)
  void logicalOperatorsCombineTheirClauses(@ForAll("documents") BsonDocument document, @ForAll("paths") String path,
      @ForAll("operands") BsonValue operand) {
    BsonDocument left = new BsonDocument(path, new BsonDocument("$lt", operand));
    BsonDocument right = new BsonDocument("x", new BsonDocument("$exists", new BsonInt32(1)));
    BsonArray both = new BsonArray(List.of(left, right));
    assertThat(matches(document, new BsonDocument("$and", both)))
        .isEqualTo(matches(document, left) && matches(document, right));
    assertThat(matches(document, new BsonDocument("$or", both)))
        .isEqualTo(matches(document, left) || matches(document, right));
    assertThat(matches(document, path, "$exists", new BsonInt32(0)))
        .isEqualTo(!matches(document, path, "$exists", new BsonInt32(1)));
  }

  @Property(tries = 400)
  void aMatchReportsAPositionOnlyWhenItMatched(@ForAll("documents") BsonDocument document,
      @ForAll("paths") String path, @ForAll("operands") BsonValue operand) {
    MatchResult result = Matcher.compile(new BsonDocument(path, operand)).match(document);
    assertThat(result.matched()).isEqualTo(matches(document, path, "$eq", operand));
    if (!result.matched()) {
      assertThat(result.arrayPosition()).isEqualTo(-1);
    }
  }
}
