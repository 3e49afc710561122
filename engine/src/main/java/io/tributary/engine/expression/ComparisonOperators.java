package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import java.util.List;
import java.util.function.IntPredicate;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/** {@code $eq $ne $gt $gte $lt $lte $cmp}, in the expression order of {@link Values#compare}, under the collation. */
final class ComparisonOperators {
  private ComparisonOperators() {}

  static void register(OperatorTable table) {
    comparison(table, "$eq", c -> c == 0);
    comparison(table, "$ne", c -> c != 0);
    comparison(table, "$gt", c -> c > 0);
    comparison(table, "$gte", c -> c >= 0);
    comparison(table, "$lt", c -> c < 0);
    comparison(table, "$lte", c -> c <= 0);
    table.fixed("$cmp", 2, (CollatedOperation) (arguments, collation) ->
        new BsonInt32(Integer.signum(compare(arguments, collation))));
  }

  private static void comparison(OperatorTable table, String name, IntPredicate test) {
    table.fixed(name, 2, (CollatedOperation) (arguments, collation) ->
        BsonBoolean.valueOf(test.test(compare(arguments, collation))));
  }

  private static int compare(List<BsonValue> arguments, Collation collation) {
    return Values.compare(arguments.get(0), arguments.get(1), collation);
  }
}
