package io.tributary.engine.expression;

import java.util.function.IntPredicate;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;

/** {@code $eq $ne $gt $gte $lt $lte $cmp}, in the expression order of {@link Values#compare}. */
final class ComparisonOperators {
  private ComparisonOperators() {}

  static void register(OperatorTable table) {
    comparison(table, "$eq", c -> c == 0);
    comparison(table, "$ne", c -> c != 0);
    comparison(table, "$gt", c -> c > 0);
    comparison(table, "$gte", c -> c >= 0);
    comparison(table, "$lt", c -> c < 0);
    comparison(table, "$lte", c -> c <= 0);
    table.binary("$cmp", (a, b) -> new BsonInt32(Integer.signum(Values.compare(a, b))));
  }

  private static void comparison(OperatorTable table, String name, IntPredicate test) {
    table.binary(name, (a, b) -> BsonBoolean.valueOf(test.test(Values.compare(a, b))));
  }
}
