package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Accumulators that keep a bounded selection of values: {@code $firstN $lastN $maxN $minN} ({@code {input, n}})
 * and {@code $top $bottom $topN $bottomN} ({@code {sortBy, output, n}}); the first four also exist as expression
 * operators over an array. {@code n} must be a constant positive integer here.
 */
final class SelectionAccumulators {
  private SelectionAccumulators() {}

  static final Set<String> NAMES =
      Set.of("$firstN", "$lastN", "$maxN", "$minN", "$top", "$bottom", "$topN", "$bottomN");

  static void register(OperatorTable table) {
    for (String name : List.of("$firstN", "$lastN", "$maxN", "$minN")) {
      table.custom(name, (operand, context) -> {
        Accumulation accumulation = parse(name, operand, context);
        return scope -> {
          BsonValue input = accumulation.argument().evaluate(scope);
          if (input == null || !input.isArray()) {
            throw ErrorCode.location(5788200).error("Input must be an array");
          }
          Accumulator accumulator = accumulation.accumulator().get();
          input.asArray().forEach(element -> accumulator.accumulate(element, scope.collation()));
          return accumulator.result();
        };
      });
    }
  }

  static Accumulation parse(String name, BsonValue operand, ParseContext context) {
    boolean sorted = name.startsWith("$top") || name.startsWith("$bottom");
    boolean single = name.equals("$top") || name.equals("$bottom");
    Set<String> allowed = sorted ? (single ? Set.of("sortBy", "output") : Set.of("sortBy", "output", "n"))
        : Set.of("input", "n");
    NamedArguments arguments = NamedArguments.parse(name, operand, context, allowed, 5787900, 5787901);
    long n = single ? 1 : count(name, arguments);
    if (!sorted) {
      Expression input = arguments.required("input", 5787907);
      return new Accumulation(input, () -> selection(name, n));
    }
    if (!arguments.has("sortBy")) {
      throw ErrorCode.location(5788005).error("Missing value for 'sortBy'");
    }
    List<SortKey> keys = SortKey.parse(arguments.raw("sortBy"));
    boolean top = name.startsWith("$top");
    Expression output = arguments.required("output", 5788004);
    Expression pair = scope -> new BsonDocument("key", scope.variable("CURRENT"))
        .append("value", orNull(output.evaluate(scope)));
    return new Accumulation(pair, () -> new Bounded(n, single, collation -> {
      Comparator<BsonDocument> byKey = SortKey.comparator(keys, collation);
      return Comparator.comparing(value -> value.asDocument().getDocument("key"), top ? byKey : byKey.reversed());
    }, "value"));
  }

  private static long count(String name, NamedArguments arguments) {
    if (!arguments.has("n")) {
      throw ErrorCode.location(5787906).error("Missing value for 'n'");
    }
    BsonValue n = arguments.raw("n");
    if (!Numbers.isNumber(n) || Numbers.toDouble(n) != Math.rint(Numbers.toDouble(n))) {
      throw ErrorCode.location(5787902).error("Value for 'n' must be of integral type, but found "
          + Values.format(n));
    }
    if (Numbers.toLong(n) <= 0) {
      throw ErrorCode.location(5787908).error("'n' must be greater than 0, found " + Values.format(n));
    }
    return Numbers.toLong(n);
  }

  private static Accumulator selection(String name, long n) {
    switch (name) {
      case "$firstN":
        return new Bounded(n, false, null, null);
      case "$lastN":
        return new Bounded(n, false, collation -> (a, b) -> 0, null).keepingLast();
      case "$maxN":
        return new Bounded(n, false, collation -> ascending(collation).reversed(), null).skippingNulls();
      default:
        return new Bounded(n, false, SelectionAccumulators::ascending, null).skippingNulls();
    }
  }

  private static Comparator<BsonValue> ascending(Collation collation) {
    return (left, right) -> Values.compare(left, right, collation);
  }

  private static BsonValue orNull(BsonValue value) {
    return value == null ? BsonNull.VALUE : value;
  }

  /**
   * Keeps the first {@code n} values in the order {@code orderFor} gives under the run's collation (arrival order
   * when null, or the last n when keeping last); ties keep arrival order. {@code field} extracts the reported value
   * from a kept pair document.
   */
  private static final class Bounded implements Accumulator {
    private final long n;
    private final boolean single;
    private final Function<Collation, Comparator<BsonValue>> orderFor;
    private final String field;
    private final List<BsonValue> kept = new ArrayList<>();
    private Comparator<BsonValue> order;
    private boolean collated;
    private boolean last;
    private boolean skipNulls;

    Bounded(long n, boolean single, Function<Collation, Comparator<BsonValue>> orderFor, String field) {
      this.n = n;
      this.single = single;
      this.orderFor = orderFor;
      this.order = orderFor == null ? null : orderFor.apply(Collation.SIMPLE);
      this.field = field;
    }

    Bounded keepingLast() {
      last = true;
      return this;
    }

    Bounded skippingNulls() {
      skipNulls = true;
      return this;
    }

    /** The collation is the same for every value of a run: the order is adapted once. */
    @Override
    public void accumulate(BsonValue value, Collation collation) {
      if (orderFor != null && !collated && !collation.isSimple()) {
        order = orderFor.apply(collation);
        collated = true;
      }
      accumulate(value);
    }

    @Override
    public void accumulate(BsonValue value) {
      if (skipNulls && Values.isNullish(value)) {
        return;
      }
      BsonValue item = orNull(value);
      if (order == null || last) {
        kept.add(item);
        if (kept.size() > n) {
          kept.remove(last ? 0 : kept.size() - 1);
        }
        return;
      }
      int at = kept.size();
      while (at > 0 && order.compare(item, kept.get(at - 1)) < 0) {
        at--;
      }
      if (at < n) {
        kept.add(at, item);
        if (kept.size() > n) {
          kept.remove(kept.size() - 1);
        }
      }
    }

    @Override
    public BsonValue result() {
      List<BsonValue> values = new ArrayList<>();
      kept.forEach(item -> values.add(field == null ? item : item.asDocument().get(field)));
      if (single) {
        return values.isEmpty() ? BsonNull.VALUE : values.get(0);
      }
      return new BsonArray(values);
    }
  }
}
