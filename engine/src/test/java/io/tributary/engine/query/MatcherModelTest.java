package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The matcher's scalar comparison operators against a deliberately naive model of MongoDB's rules over small
 * generated documents: {@code {a: <scalar | array of scalars | missing>}}.
 */
class MatcherModelTest {
  private static final List<String> OPERATORS = List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin");

  @Provide
  Arbitrary<BsonValue> scalars() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.integers().between(-3, 3).map(i -> (BsonValue) new BsonInt32(i)),
        Arbitraries.longs().between(-3, 3).map(BsonInt64::new),
        Arbitraries.integers().between(-6, 6).map(i -> new BsonDouble(i / 2.0)),
        Arbitraries.strings().withChars("ab").ofMaxLength(2).map(BsonString::new),
        Arbitraries.of(BsonBoolean.TRUE, BsonBoolean.FALSE, BsonNull.VALUE)));
  }

  @Provide
  Arbitrary<Optional<BsonValue>> fields() {
    return Arbitraries.oneOf(List.of(
        scalars().map(Optional::of),
        scalars().list().ofMaxSize(3).map(list -> Optional.of(new BsonArray(list))),
        Arbitraries.just(Optional.empty())));
  }

  @Provide
  Arbitrary<String> operators() {
    return Arbitraries.of(OPERATORS);
  }

  @Property(tries = 3000)
  void agreesWithModel(@ForAll("fields") Optional<BsonValue> field, @ForAll("operators") String operator,
      @ForAll("scalars") BsonValue operand, @ForAll("scalars") BsonValue second) {
    BsonDocument document = new BsonDocument();
    field.ifPresent(value -> document.append("a", value));
    BsonValue argument = operator.endsWith("in") ? new BsonArray(List.of(operand, second)) : operand;
    BsonDocument filter = new BsonDocument("a", new BsonDocument(operator, argument));
    assertThat(Matcher.compile(filter).matches(document))
        .as("%s on %s", filter, document)
        .isEqualTo(model(field, operator, operand, second));
  }

  private static boolean model(Optional<BsonValue> field, String operator, BsonValue operand, BsonValue second) {
    switch (operator) {
      case "$ne": return !model(field, "$eq", operand, second);
      case "$nin": return !model(field, "$in", operand, second);
      case "$in": return model(field, "$eq", operand, second) || model(field, "$eq", second, operand);
      default: break;
    }
    if (field.isEmpty()) {
      return operand.isNull() && List.of("$eq", "$gte", "$lte").contains(operator);
    }
    List<BsonValue> candidates = field.get().isArray() ? field.get().asArray() : List.of(field.get());
    return candidates.stream().anyMatch(value -> holds(operator, value, operand));
  }

  private static boolean holds(String operator, BsonValue value, BsonValue operand) {
    if (!kind(value).equals(kind(operand))) {
      return false;
    }
    int order = order(value, operand);
    return switch (operator) {
      case "$eq" -> order == 0;
      case "$gt" -> order > 0;
      case "$gte" -> order >= 0;
      case "$lt" -> order < 0;
      default -> order <= 0;
    };
  }

  private static String kind(BsonValue value) {
    return value.isNumber() ? "number" : value.getBsonType().name();
  }

  private static int order(BsonValue value, BsonValue operand) {
    if (value.isNumber()) {
      return new BigDecimal(value.asNumber().doubleValue()).compareTo(new BigDecimal(operand.asNumber().doubleValue()));
    }
    if (value.isString()) {
      return value.asString().getValue().compareTo(operand.asString().getValue());
    }
    if (value.isBoolean()) {
      return Boolean.compare(value.asBoolean().getValue(), operand.asBoolean().getValue());
    }
    return 0;
  }
}
