package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code $inc} and {@code $mul}. A missing field is created with the operand ({@code $inc}) or with zero of the
 * operand's type ({@code $mul}); a result identical to the current value is a no-op. Immutable and thread-safe.
 */
final class ArithmeticModifier extends ModifierNode {
  private final String operator;
  private final BsonValue operand;

  private ArithmeticModifier(String operator, BsonValue operand) {
    this.operator = operator;
    this.operand = operand;
  }

  static ArithmeticModifier parse(String operator, String field, BsonValue operand) {
    if (!Arithmetic.isNumber(operand)) {
      String verb = operator.equals("$inc") ? "increment" : "multiply";
      throw ErrorCode.TYPE_MISMATCH.error(
          "Cannot " + verb + " with non-numeric argument: {" + BsonText.element(field, operand) + "}");
    }
    return new ArithmeticModifier(operator, operand);
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    BsonValue current = element.value();
    if (!Arithmetic.isNumber(current)) {
      throw ErrorCode.TYPE_MISMATCH.error("Cannot apply " + operator + " to a value of non-numeric type. {"
          + context.idText() + "} has the field '" + element.name() + "' of non-numeric type "
          + BsonText.typeName(current));
    }
    BsonValue result = operator.equals("$inc") ? Arithmetic.add(operand, current)
        : Arithmetic.multiply(operand, current);
    if (Arithmetic.identical(result, current)) {
      return Outcome.NO_OP;
    }
    element.set(result);
    return Outcome.UPDATED;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    return operator.equals("$inc") ? operand : Arithmetic.multiply(operand, new BsonInt32(0));
  }

  @Override
  boolean allowCreation() {
    return true;
  }
}
