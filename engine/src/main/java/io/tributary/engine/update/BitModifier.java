package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code $bit}: {@code and}, {@code or} and {@code xor} with int or long operands, applied in order; a missing field
 * starts from int 0. Immutable and thread-safe.
 */
final class BitModifier extends ModifierNode {
  private static final String FORMAT = "{$bit: {field: {and/or/xor: #}}";

  private record Operation(String operator, BsonValue operand) {}

  private final List<Operation> operations;

  private BitModifier(List<Operation> operations) {
    this.operations = operations;
  }

  static BitModifier parse(BsonValue operand) {
    if (!operand.isDocument()) {
      throw ErrorCode.BAD_VALUE.error("The $bit modifier is not compatible with a " + BsonText.typeName(operand)
          + ". You must pass in an embedded document: " + FORMAT);
    }
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, BsonValue> entry : operand.asDocument().entrySet()) {
      String operator = entry.getKey();
      BsonValue value = entry.getValue();
      String text = BsonText.element(operator, value);
      if (!List.of("and", "or", "xor").contains(operator)) {
        throw ErrorCode.BAD_VALUE.error("The $bit modifier only supports 'and', 'or', and 'xor', not '" + operator
            + "' which is an unknown operator: {" + text + "}");
      }
      if (!value.isInt32() && !value.isInt64()) {
        throw ErrorCode.BAD_VALUE.error("The $bit modifier field must be an Integer(32/64 bit); a '"
            + BsonText.typeName(value) + "' is not supported here: {" + text + "}");
      }
      operations.add(new Operation(operator, value));
    }
    if (operations.isEmpty()) {
      throw ErrorCode.BAD_VALUE.error(
          "You must pass in at least one bitwise operation. The format is: " + FORMAT);
    }
    return new BitModifier(List.copyOf(operations));
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    BsonValue current = element.value();
    if (!current.isInt32() && !current.isInt64()) {
      throw ErrorCode.BAD_VALUE.error("Cannot apply $bit to a value of non-integral type." + context.idText()
          + " has the field " + element.name() + " of non-integer type " + BsonText.typeName(current));
    }
    BsonValue result = applyAll(current);
    if (Arithmetic.identical(result, current)) {
      return Outcome.NO_OP;
    }
    element.set(result);
    return Outcome.UPDATED;
  }

  private BsonValue applyAll(BsonValue start) {
    BsonValue value = start;
    for (Operation operation : operations) {
      value = Arithmetic.bitwise(operation.operator(), value, operation.operand());
    }
    return value;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    return applyAll(new BsonInt32(0));
  }

  @Override
  boolean allowCreation() {
    return true;
  }
}
