package io.tributary.engine.expression;

import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBoolean;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

/** {@code $type $isNumber $convert $toString $toInt $toLong $toDouble $toDecimal $toBool $toDate $toObjectId}. */
final class TypeOperators {
  private static final Map<String, BsonType> SHORTHANDS = Map.of("$toString", BsonType.STRING, "$toInt",
      BsonType.INT32, "$toLong", BsonType.INT64, "$toDouble", BsonType.DOUBLE, "$toDecimal", BsonType.DECIMAL128,
      "$toBool", BsonType.BOOLEAN, "$toDate", BsonType.DATE_TIME, "$toObjectId", BsonType.OBJECT_ID);

  private TypeOperators() {}

  static void register(OperatorTable table) {
    table.unary("$type", v -> new BsonString(Values.typeName(v)));
    table.unary("$isNumber", v -> BsonBoolean.valueOf(Numbers.isNumber(v)));
    table.custom("$convert", TypeOperators::convert);
    SHORTHANDS.forEach((name, type) ->
        table.unary(name, v -> Values.isNullish(v) ? BsonNull.VALUE : Conversions.convert(v, type)));
  }

  private static Expression convert(BsonValue operand, ParseContext context) {
    if (!operand.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$convert expects an object of named arguments but found: "
          + Values.typeName(operand));
    }
    for (String key : operand.asDocument().keySet()) {
      if (!Set.of("input", "to", "onError", "onNull").contains(key)) {
        throw ErrorCode.FAILED_TO_PARSE.error("$convert found an unknown argument: " + key);
      }
    }
    Expression input = required(operand, "input", context);
    Expression to = required(operand, "to", context);
    Expression onError = optional(operand, "onError", context);
    Expression onNull = optional(operand, "onNull", context);
    return scope -> {
      BsonValue target = to.evaluate(scope);
      BsonValue value = input.evaluate(scope);
      if (Values.isNullish(target)) {
        return BsonNull.VALUE;
      }
      BsonType type = targetType(target);
      if (Values.isNullish(value)) {
        return onNull == null ? BsonNull.VALUE : onNull.evaluate(scope);
      }
      try {
        return Conversions.convert(value, type);
      } catch (MongoError e) {
        if (onError == null || e.code() != ErrorCode.CONVERSION_FAILURE) {
          throw e;
        }
        return onError.evaluate(scope);
      }
    };
  }

  private static Expression required(BsonValue operand, String name, ParseContext context) {
    if (!operand.asDocument().containsKey(name)) {
      throw ErrorCode.FAILED_TO_PARSE.error("Missing '" + name + "' parameter to $convert");
    }
    return Expressions.parse(operand.asDocument().get(name), context);
  }

  private static Expression optional(BsonValue operand, String name, ParseContext context) {
    BsonValue value = operand.asDocument().get(name);
    return value == null ? null : Expressions.parse(value, context);
  }

  private static BsonType targetType(BsonValue target) {
    if (target.isString()) {
      BsonType type = Values.typeNamed(target.asString().getValue());
      if (type == null) {
        throw ErrorCode.BAD_VALUE.error("Unknown type name: " + target.asString().getValue());
      }
      return type;
    }
    if (Numbers.isNumber(target)) {
      double code = Numbers.toDouble(target);
      if (code != Math.rint(code)) {
        throw ErrorCode.FAILED_TO_PARSE.error("In $convert, numeric 'to' argument is not an integer");
      }
      return BsonTypeName.byCode((int) code).orElseThrow(() -> ErrorCode.FAILED_TO_PARSE.error(
          "In $convert, numeric value for 'to' does not correspond to a BSON type: " + Values.format(target)));
    }
    throw ErrorCode.FAILED_TO_PARSE.error("$convert's 'to' argument must be a string or number, but is "
        + Values.typeName(target));
  }
}
