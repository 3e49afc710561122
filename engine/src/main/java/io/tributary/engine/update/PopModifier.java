package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import org.bson.BsonValue;

/**
 * {@code $pop}: removes the last (1) or first (-1) element of an array; an empty array or a missing field is a
 * no-op. Immutable and thread-safe.
 */
final class PopModifier extends ModifierNode {
  private final boolean first;

  private PopModifier(boolean first) {
    this.first = first;
  }

  static PopModifier parse(String field, BsonValue operand) {
    String text = BsonText.element(field, operand);
    if (!Arithmetic.isNumber(operand)) {
      throw ErrorCode.FAILED_TO_PARSE.error("Expected a number in: " + text);
    }
    Long value = IntegerArgument.toLong(operand);
    if (value == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("Expected an integer: " + text);
    }
    if (value != 1 && value != -1) {
      throw ErrorCode.FAILED_TO_PARSE.error("$pop expects 1 or -1, found: " + value);
    }
    return new PopModifier(value == -1);
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    BsonValue current = element.value();
    if (!current.isArray()) {
      throw ErrorCode.TYPE_MISMATCH.error("Path '" + path.dotted() + "' contains an element of non-array type '"
          + BsonText.typeName(current) + "'");
    }
    if (current.asArray().isEmpty()) {
      return Outcome.NO_OP;
    }
    current.asArray().remove(first ? 0 : current.asArray().size() - 1);
    return Outcome.UPDATED;
  }
}
