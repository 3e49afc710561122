package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;
import org.bson.BsonDouble;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $sin $cos $tan $asin $acos $atan $atan2 $sinh $cosh $tanh $asinh $acosh $atanh $degreesToRadians
 * $radiansToDegrees}: doubles in, doubles out (decimal in, decimal out); null gives null; arguments outside a
 * function's domain fail with 50989.
 */
final class TrigonometryOperators {
  private TrigonometryOperators() {}

  static void register(OperatorTable table) {
    function(table, "$sin", Math::sin, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$cos", Math::cos, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$tan", Math::tan, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$asin", Math::asin, -1, 1);
    function(table, "$acos", Math::acos, -1, 1);
    function(table, "$atan", Math::atan, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$sinh", Math::sinh, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$cosh", Math::cosh, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$tanh", Math::tanh, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$asinh", x -> Math.log(x + Math.sqrt(x * x + 1)), Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
    function(table, "$acosh", x -> Math.log(x + Math.sqrt(x * x - 1)), 1, Double.POSITIVE_INFINITY);
    function(table, "$atanh", x -> 0.5 * Math.log((1 + x) / (1 - x)), -1, 1);
    function(table, "$degreesToRadians", Math::toRadians, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    function(table, "$radiansToDegrees", Math::toDegrees, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    table.binary("$atan2", TrigonometryOperators::atan2);
  }

  private static void function(OperatorTable table, String name, DoubleUnaryOperator function, double min,
      double max) {
    table.unary(name, value -> {
      if (Values.isNullish(value)) {
        return BsonNull.VALUE;
      }
      double x = number(name, value);
      if (x < min || x > max) {
        throw ErrorCode.location(50989).error("cannot apply " + name + " to " + Values.format(value)
            + ", value must be in [" + Numbers.formatDouble(min) + "," + Numbers.formatDouble(max) + "]");
      }
      return result(value, function.applyAsDouble(x));
    });
  }

  private static double number(String name, BsonValue value) {
    if (!Numbers.isNumber(value)) {
      throw ErrorCode.location(28765).error(name + " only supports numeric types, not " + Values.typeName(value));
    }
    return Numbers.toDouble(value);
  }

  private static BsonValue result(BsonValue argument, double result) {
    return argument.isDecimal128() ? Numbers.decimal(new BigDecimal(result)) : new BsonDouble(result);
  }

  private static BsonValue atan2(BsonValue y, BsonValue x) {
    if (Values.isNullish(y) || Values.isNullish(x)) {
      return BsonNull.VALUE;
    }
    double value = Math.atan2(number("$atan2", y), number("$atan2", x));
    return y.isDecimal128() || x.isDecimal128() ? result(y.isDecimal128() ? y : x, value) : new BsonDouble(value);
  }
}
