package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.query.Matcher;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $pull} and {@code $pullAll}: removes every array element that matches. {@code $pull} takes a value
 * (equality), a query on the element itself ({@code {$gte: 6}}, a regex) or a query on document elements
 * ({@code {score: 8}}); {@code $pullAll} takes a list of values. Immutable and thread-safe.
 */
final class PullModifier extends ModifierNode {
  /** The query operators that apply to a value (mongod's path-accepting keywords). */
  private static final Set<String> VALUE_OPERATORS = Set.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
      "$all", "$exists", "$mod", "$type", "$regex", "$options", "$elemMatch", "$size", "$not", "$bitsAllSet",
      "$bitsAllClear", "$bitsAnySet", "$bitsAnyClear", "$geoIntersects", "$geoWithin", "$within", "$near",
      "$nearSphere", "$geoNear");
  /** The field name an element is wrapped in to match it as a value. */
  private static final String WRAPPER = "pulled";

  private final Predicate<BsonValue> condition;

  private PullModifier(Predicate<BsonValue> condition) {
    this.condition = condition;
  }

  static PullModifier pull(BsonValue operand, Collation collation) {
    if (operand.isDocument() && !isValueQuery(operand.asDocument())) {
      Matcher matcher = Matcher.compile(operand.asDocument(), collation);
      return new PullModifier(element -> element.isDocument() && matcher.matches(element.asDocument()));
    }
    if (operand.isDocument() || operand.isRegularExpression()) {
      Matcher matcher = Matcher.compile(new BsonDocument(WRAPPER, operand), collation);
      return new PullModifier(element -> matcher.matches(new BsonDocument(WRAPPER, element)));
    }
    return new PullModifier(element -> BsonOrder.compare(element, operand, collation) == 0);
  }

  static PullModifier pullAll(BsonValue operand, Collation collation) {
    if (!operand.isArray()) {
      throw ErrorCode.BAD_VALUE.error("$pullAll requires an array argument but was given a "
          + BsonText.typeName(operand));
    }
    List<BsonValue> values = operand.asArray().getValues();
    return new PullModifier(element -> values.stream()
        .anyMatch(value -> BsonOrder.compare(element, value, collation) == 0));
  }

  /** True when the document's first field is an operator that applies to a value ({@code $gt}, {@code $in}...). */
  private static boolean isValueQuery(BsonDocument operand) {
    return !operand.isEmpty() && VALUE_OPERATORS.contains(operand.getFirstKey());
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    if (!element.value().isArray()) {
      throw ErrorCode.BAD_VALUE.error("Cannot apply $pull to a non-array value");
    }
    BsonArray array = element.value().asArray();
    return array.removeIf(condition) ? Outcome.UPDATED : Outcome.NO_OP;
  }

  @Override
  boolean allowNonViablePath() {
    return true;
  }
}
