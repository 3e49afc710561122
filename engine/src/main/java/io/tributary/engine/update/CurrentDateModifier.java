package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import org.bson.BsonValue;

/**
 * {@code $currentDate}: sets the field to the current date ({@code true} or {@code {$type: "date"}}) or to a
 * timestamp ({@code {$type: "timestamp"}}), read from the apply context's clock. Immutable and thread-safe.
 */
final class CurrentDateModifier extends ModifierNode {
  private final boolean date;

  private CurrentDateModifier(boolean date) {
    this.date = date;
  }

  static CurrentDateModifier parse(BsonValue operand) {
    if (operand.isBoolean()) {
      return new CurrentDateModifier(true);
    }
    if (!operand.isDocument()) {
      throw ErrorCode.BAD_VALUE.error(BsonText.typeName(operand) + " is not valid type for $currentDate. Please use"
          + " a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).");
    }
    Boolean date = null;
    for (Map.Entry<String, BsonValue> option : operand.asDocument().entrySet()) {
      if (!option.getKey().equals("$type")) {
        throw ErrorCode.BAD_VALUE.error("Unrecognized $currentDate option: " + option.getKey());
      }
      BsonValue type = option.getValue();
      if (type.isString() && (type.asString().getValue().equals("date")
          || type.asString().getValue().equals("timestamp"))) {
        date = type.asString().getValue().equals("date");
      }
    }
    if (date == null) {
      throw ErrorCode.BAD_VALUE.error("The '$type' string field is required to be 'date' or 'timestamp': "
          + "{$currentDate: {field : {$type: 'date'}}}");
    }
    return new CurrentDateModifier(date);
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    element.set(valueForNew(context));
    return Outcome.UPDATED;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    return date ? context.now() : context.clusterTime();
  }

  @Override
  boolean allowCreation() {
    return true;
  }
}
