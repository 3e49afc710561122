package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $sortArray: {input, sortBy}}: {@code sortBy} 1 or -1 sorts the values themselves, a sort document sorts
 * documents by their fields (other elements sort as empty documents). Stable.
 */
final class SortArrayOperator {
  private SortArrayOperator() {}

  static void register(OperatorTable table) {
    table.custom("$sortArray", SortArrayOperator::parse);
  }

  private static Expression parse(BsonValue operand, ParseContext context) {
    NamedArguments arguments =
        NamedArguments.parse("$sortArray", operand, context, Set.of("input", "sortBy"), 2942500, 2942501);
    Expression input = arguments.required("input", 2942502);
    if (!arguments.has("sortBy")) {
      throw ErrorCode.location(2942503).error("$sortArray requires 'sortBy' to be specified");
    }
    BsonValue sortBy = arguments.raw("sortBy");
    Comparator<BsonValue> simpleOrder = order(sortBy, Collation.SIMPLE);
    return scope -> {
      BsonValue array = input.evaluate(scope);
      if (Values.isNullish(array)) {
        return BsonNull.VALUE;
      }
      if (!array.isArray()) {
        throw ErrorCode.location(2942504).error("The input argument to $sortArray must be an array, but was of "
            + "type: " + Values.typeName(array));
      }
      List<BsonValue> values = new ArrayList<>(array.asArray().getValues());
      values.sort(scope.collation().isSimple() ? simpleOrder : order(sortBy, scope.collation()));
      return new BsonArray(values);
    };
  }

  /** The order {@code sortBy} gives, strings compared under {@code collation}. */
  private static Comparator<BsonValue> order(BsonValue sortBy, Collation collation) {
    if (Numbers.isNumber(sortBy) && Math.abs(Numbers.toDouble(sortBy)) == 1) {
      Comparator<BsonValue> ascending = (left, right) -> Values.compare(left, right, collation);
      return Numbers.toDouble(sortBy) > 0 ? ascending : ascending.reversed();
    }
    if (sortBy.isDocument()) {
      Comparator<BsonDocument> byFields = SortKey.comparator(SortKey.parse(sortBy), collation);
      return Comparator.comparing(value -> value.isDocument() ? value.asDocument() : new BsonDocument(), byFields);
    }
    throw ErrorCode.location(2942505).error("$sortArray requires sortBy to be either 1, -1, or a document");
  }
}
