package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * The accumulators of {@code $group} ({@code $sum $avg $min $max $first $last $push $addToSet $mergeObjects
 * $stdDevPop $stdDevSamp}); the numeric ones also serve the expression operators of the same names, which
 * accumulate over an array argument or over their argument list. Stateless and thread-safe; the accumulators
 * it creates are not.
 */
public final class Accumulators {
  private static final Map<String, Supplier<Accumulator>> FACTORIES = Map.ofEntries(
      Map.entry("$sum", Sum::new),
      Map.entry("$avg", Average::new),
      Map.entry("$min", () -> new Extreme(-1)),
      Map.entry("$max", () -> new Extreme(1)),
      Map.entry("$first", First::new),
      Map.entry("$last", Last::new),
      Map.entry("$push", () -> new Collect(new ArrayList<>())),
      Map.entry("$addToSet", AddToSet::new),
      Map.entry("$mergeObjects", MergeObjects::new),
      Map.entry("$stdDevPop", () -> new StandardDeviation(false)),
      Map.entry("$stdDevSamp", () -> new StandardDeviation(true)));

  private static final List<String> EXPRESSION_FORMS =
      List.of("$sum", "$avg", "$min", "$max", "$stdDevPop", "$stdDevSamp");

  private Accumulators() {}

  /** The factory of the unary accumulator named {@code name}, or null when there is none. */
  public static Supplier<Accumulator> named(String name) {
    return FACTORIES.get(name);
  }

  /**
   * Parses {@code {name: operand}} as a {@code $group} accumulator; null when {@code name} is no accumulator.
   * The unary ones refuse an array operand (40237), as mongod does.
   */
  public static Accumulation parse(String name, BsonValue operand, ParseContext context) {
    if (SelectionAccumulators.NAMES.contains(name)) {
      return SelectionAccumulators.parse(name, operand, context);
    }
    Supplier<Accumulator> factory = FACTORIES.get(name);
    if (factory == null) {
      return null;
    }
    if (operand.isArray()) {
      throw ErrorCode.location(40237).error("The " + name + " accumulator is a unary operator");
    }
    return new Accumulation(Expressions.parse(operand, context), factory);
  }

  static void register(OperatorTable table) {
    SelectionAccumulators.register(table);
    for (String name : EXPRESSION_FORMS) {
      Supplier<Accumulator> factory = FACTORIES.get(name);
      table.custom(name, (operand, context) -> expressionForm(OperatorTable.arguments(operand, context), factory));
    }
  }

  /** One argument that is an array accumulates its elements; otherwise each argument is accumulated. */
  private static Expression expressionForm(List<Expression> arguments, Supplier<Accumulator> factory) {
    return scope -> {
      Accumulator accumulator = factory.get();
      if (arguments.size() == 1) {
        BsonValue value = arguments.get(0).evaluate(scope);
        if (value != null && value.isArray()) {
          value.asArray().forEach(element -> accumulator.accumulate(element, scope.collation()));
        } else {
          accumulator.accumulate(value, scope.collation());
        }
      } else {
        arguments.forEach(argument -> accumulator.accumulate(argument.evaluate(scope), scope.collation()));
      }
      return accumulator.result();
    };
  }

  /** Numeric sum; non-numeric values are ignored; an empty sum is the int 0. */
  private static final class Sum implements Accumulator {
    private BsonValue total = new BsonInt32(0);

    @Override
    public void accumulate(BsonValue value) {
      if (Numbers.isNumber(value)) {
        total = Numbers.add(total, value);
      }
    }

    @Override
    public BsonValue result() {
      return total;
    }
  }

  /** Mean of the numeric values (a double, or a decimal when any value was decimal); null when there were none. */
  private static final class Average implements Accumulator {
    private final Sum sum = new Sum();
    private long count;

    @Override
    public void accumulate(BsonValue value) {
      if (Numbers.isNumber(value)) {
        sum.accumulate(value);
        count++;
      }
    }

    @Override
    public BsonValue result() {
      if (count == 0) {
        return BsonNull.VALUE;
      }
      BsonValue total = sum.result();
      if (total.isDecimal128()) {
        return Numbers.decimal(Numbers.toDecimal(total).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
      }
      return new BsonDouble(Numbers.toDouble(total) / count);
    }
  }

  /** {@code $min} (sign -1) or {@code $max} (sign 1) in the expression order; null and missing are ignored. */
  private static final class Extreme implements Accumulator {
    private final int sign;
    private BsonValue best;

    Extreme(int sign) {
      this.sign = sign;
    }

    @Override
    public void accumulate(BsonValue value) {
      accumulate(value, Collation.SIMPLE);
    }

    @Override
    public void accumulate(BsonValue value, Collation collation) {
      if (!Values.isNullish(value) && (best == null || Values.compare(value, best, collation) * sign > 0)) {
        best = value;
      }
    }

    @Override
    public BsonValue result() {
      return best == null ? BsonNull.VALUE : best;
    }
  }

  private static final class First implements Accumulator {
    private boolean seen;
    private BsonValue first;

    @Override
    public void accumulate(BsonValue value) {
      if (!seen) {
        seen = true;
        first = value;
      }
    }

    @Override
    public BsonValue result() {
      return first == null ? BsonNull.VALUE : first;
    }
  }

  private static final class Last implements Accumulator {
    private BsonValue last;

    @Override
    public void accumulate(BsonValue value) {
      last = value;
    }

    @Override
    public BsonValue result() {
      return last == null ? BsonNull.VALUE : last;
    }
  }

  /**
   * The values present, collected into {@code values}: a list keeps them all in input order ({@code $push}), a
   * set in the expression order keeps the distinct ones ({@code $addToSet}; mongod leaves their order unspecified).
   */
  private static final class Collect implements Accumulator {
    private final Collection<BsonValue> values;

    Collect(Collection<BsonValue> values) {
      this.values = values;
    }

    @Override
    public void accumulate(BsonValue value) {
      if (value != null) {
        values.add(value);
      }
    }

    @Override
    public BsonValue result() {
      return new BsonArray(new ArrayList<>(values));
    }
  }

  /** {@code $addToSet}: each value once (the first of those equal under the collation), in the expression order. */
  private static final class AddToSet implements Accumulator {
    private final Map<BsonValue, BsonValue> byKey = new TreeMap<>(Values.ORDER);

    @Override
    public void accumulate(BsonValue value) {
      accumulate(value, Collation.SIMPLE);
    }

    @Override
    public void accumulate(BsonValue value, Collation collation) {
      if (value != null) {
        byKey.putIfAbsent(collation.key(value), value);
      }
    }

    @Override
    public BsonValue result() {
      return new BsonArray(new ArrayList<>(byKey.values()));
    }
  }

  private static final class MergeObjects implements Accumulator {
    private final BsonDocument merged = new BsonDocument();

    @Override
    public void accumulate(BsonValue value) {
      if (Values.isNullish(value)) {
        return;
      }
      if (!value.isDocument()) {
        throw ErrorCode.location(40400).error("$mergeObjects requires object inputs, but input "
            + Values.format(value) + " is of type " + Values.typeName(value));
      }
      merged.putAll(value.asDocument());
    }

    @Override
    public BsonValue result() {
      return merged.clone();
    }
  }

  /** Welford's running variance over the numeric values; null without enough values. */
  private static final class StandardDeviation implements Accumulator {
    private final boolean sample;
    private long count;
    private double mean;
    private double squares;

    StandardDeviation(boolean sample) {
      this.sample = sample;
    }

    @Override
    public void accumulate(BsonValue value) {
      if (!Numbers.isNumber(value)) {
        return;
      }
      double x = Numbers.toDouble(value);
      count++;
      double delta = x - mean;
      mean += delta / count;
      squares += delta * (x - mean);
    }

    @Override
    public BsonValue result() {
      long divisor = sample ? count - 1 : count;
      return divisor <= 0 ? BsonNull.VALUE : new BsonDouble(Math.sqrt(squares / divisor));
    }
  }
}
