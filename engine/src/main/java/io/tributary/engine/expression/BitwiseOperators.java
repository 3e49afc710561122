package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.List;
import java.util.function.LongBinaryOperator;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $bitAnd $bitOr $bitXor $bitNot} over ints and longs (a long operand makes the result a long), and the
 * small accessors {@code $tsSecond $tsIncrement $binarySize}.
 */
final class BitwiseOperators {
  private BitwiseOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$bitAnd", arguments -> fold("$bitAnd", arguments, -1L, (a, b) -> a & b));
    table.variadic("$bitOr", arguments -> fold("$bitOr", arguments, 0L, (a, b) -> a | b));
    table.variadic("$bitXor", arguments -> fold("$bitXor", arguments, 0L, (a, b) -> a ^ b));
    table.unary("$bitNot", value -> fold("$bitNot", List.of(value), 0L, (a, b) -> ~b));
    table.unary("$tsSecond", value -> timestampPart("$tsSecond", value, true));
    table.unary("$tsIncrement", value -> timestampPart("$tsIncrement", value, false));
    table.unary("$binarySize", BitwiseOperators::binarySize);
  }

  private static BsonValue fold(String name, List<BsonValue> arguments, long identity, LongBinaryOperator op) {
    long result = identity;
    boolean isLong = false;
    for (BsonValue argument : arguments) {
      if (Values.isNullish(argument)) {
        return BsonNull.VALUE;
      }
      if (!argument.isInt32() && !argument.isInt64()) {
        throw ErrorCode.TYPE_MISMATCH.error(name + " only supports int and long operands.");
      }
      isLong |= argument.isInt64();
      result = op.applyAsLong(result, argument.asNumber().longValue());
    }
    return isLong ? new BsonInt64(result) : new BsonInt32((int) result);
  }

  private static BsonValue timestampPart(String name, BsonValue value, boolean seconds) {
    if (Values.isNullish(value)) {
      return BsonNull.VALUE;
    }
    if (!value.isTimestamp()) {
      throw ErrorCode.location(5687301).error("Argument to " + name + " must be a timestamp, but is "
          + Values.typeName(value));
    }
    return new BsonInt64(seconds ? value.asTimestamp().getTime() & 0xFFFFFFFFL
        : value.asTimestamp().getInc() & 0xFFFFFFFFL);
  }

  private static BsonValue binarySize(BsonValue value) {
    if (Values.isNullish(value)) {
      return BsonNull.VALUE;
    }
    if (value.isString()) {
      return new BsonInt32(StringOperators.utf8(value.asString().getValue()).length);
    }
    if (value.isBinary()) {
      return new BsonInt32(value.asBinary().getData().length);
    }
    throw ErrorCode.location(51276).error("$binarySize requires a string or BinData argument, found: "
        + Values.typeName(value));
  }
}
