package io.tributary.engine.query;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.TypeBracket;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * A test of one value found along a path ({@code null} when the path is missing there). A {@link PathMatch}
 * applies it to every value the path yields; {@code $elemMatch} applies it to each array element.
 * Implementations are immutable and thread-safe.
 */
sealed interface ValuePredicate
    permits ValuePredicate.Equals, ValuePredicate.Comparison, ValuePredicate.InSet, ValuePredicate.Exists,
        ValuePredicate.TypeIs, ValuePredicate.SizeIs, ValuePredicate.Modulo, ValuePredicate.Not,
        ValuePredicate.AllOf, ValuePredicate.Never, RegexMatch, BitTest, ElemMatch {

  boolean test(BsonValue value);

  /** Whether the elements of an array at the end of the path are tested too, not just the array itself. */
  default boolean expandsLeafArrays() {
    return true;
  }

  /**
   * {@code $eq}: equal by value, strings by {@code strings} (the query's collation; null for binary); a null
   * operand also matches a missing field and, as before MongoDB 8.0 (we claim 7.0), an undefined value.
   */
  record Equals(BsonValue operand, Comparator<String> strings) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return operand.isNull() ? isNullish(value) : value != null && BsonOrder.compare(value, operand, strings) == 0;
    }
  }

  /** Missing, null or undefined: what a null equality matches. */
  static boolean isNullish(BsonValue value) {
    return value == null || value.isNull() || value.getBsonType() == BsonType.UNDEFINED;
  }

  /** {@code $gt $gte $lt $lte}: only values in the operand's type bracket compare (strings by {@code strings}). */
  record Comparison(Operator operator, BsonValue operand, Comparator<String> strings) implements ValuePredicate {
    enum Operator { GT, GTE, LT, LTE }

    @Override
    public boolean test(BsonValue value) {
      if (operand.isNull() && isNullish(value)) {
        return operator == Operator.GTE || operator == Operator.LTE;
      }
      if (value == null) {
        return false;
      }
      TypeBracket bracket = TypeBracket.of(operand);
      if (TypeBracket.of(value) != bracket) {
        return crossesBracket(TypeBracket.of(value), bracket);
      }
      if (isNaN(value) || isNaN(operand)) {
        // NaN only compares equal to NaN: never greater or less than any number.
        return isNaN(value) && isNaN(operand) && operator != Operator.GT && operator != Operator.LT;
      }
      int result = BsonOrder.compare(value, operand, strings);
      return switch (operator) {
        case GT -> result > 0;
        case GTE -> result >= 0;
        case LT -> result < 0;
        case LTE -> result <= 0;
      };
    }

    /** MinKey and MaxKey operands compare with values of every type. */
    private boolean crossesBracket(TypeBracket value, TypeBracket operandBracket) {
      if (operandBracket == TypeBracket.MIN_KEY) {
        return operator == Operator.GT || operator == Operator.GTE;
      }
      if (operandBracket == TypeBracket.MAX_KEY) {
        return operator == Operator.LT || operator == Operator.LTE;
      }
      return false;
    }

    private static boolean isNaN(BsonValue value) {
      return switch (value.getBsonType()) {
        case DOUBLE -> Double.isNaN(value.asDouble().getValue());
        case DECIMAL128 -> value.asDecimal128().getValue().isNaN();
        default -> false;
      };
    }
  }

  /** {@code $in}: equal to one of the values or matching one of the regular expressions. */
  record InSet(List<BsonValue> values, List<RegexMatch> regexes, Comparator<String> strings)
      implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      for (BsonValue candidate : values) {
        if (candidate.isNull() ? isNullish(value)
            : value != null && BsonOrder.compare(value, candidate, strings) == 0) {
          return true;
        }
      }
      return regexes.stream().anyMatch(regex -> regex.test(value));
    }
  }

  /** {@code $exists: true} ({@code false} is its negation). */
  record Exists() implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return value != null;
    }
  }

  /** {@code $type}: the value has one of the types. */
  record TypeIs(Set<BsonType> types) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return value != null && types.contains(value.getBsonType());
    }
  }

  /** {@code $size}: an array of exactly this many elements. */
  record SizeIs(int size) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return value != null && value.isArray() && value.asArray().size() == size;
    }

    @Override
    public boolean expandsLeafArrays() {
      return false;
    }
  }

  /** {@code $mod: [divisor, remainder]} over numbers truncated to integers. */
  record Modulo(long divisor, long remainder) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      if (value == null || !value.isNumber() && !value.isDecimal128()) {
        return false;
      }
      if (value.isDouble() && !Double.isFinite(value.asDouble().getValue())) {
        return false;
      }
      if (value.isDecimal128() && !value.asDecimal128().getValue().isFinite()) {
        return false;
      }
      long dividend = value.isDecimal128() ? value.asDecimal128().longValue() : value.asNumber().longValue();
      return dividend % divisor == remainder;
    }
  }

  /** {@code $not}, and {@code $ne}/{@code $nin}/{@code $exists: false}. */
  record Not(ValuePredicate inner) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return !inner.test(value);
    }
  }

  /** Several operators on one path ({@code {$gt: 1, $lt: 5}}), each judged on its own. */
  record AllOf(List<ValuePredicate> predicates) implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return predicates.stream().allMatch(predicate -> predicate.test(value));
    }
  }

  /** {@code $all: []} matches nothing. */
  record Never() implements ValuePredicate {
    @Override
    public boolean test(BsonValue value) {
      return false;
    }
  }
}
