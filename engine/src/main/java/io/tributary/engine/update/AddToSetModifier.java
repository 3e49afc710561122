package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $addToSet} (with {@code $each}): appends the values not already present (by MongoDB's equality, so 1
 * and 1.0 are the same; strings under the update's collation). Duplicates within the operand are added once. Immutable and thread-safe.
 */
final class AddToSetModifier extends ModifierNode {
  private final List<BsonValue> values;
  private final Collation collation;

  private AddToSetModifier(List<BsonValue> values, Collation collation) {
    this.values = values;
    this.collation = collation;
  }

  static AddToSetModifier parse(BsonValue operand, Collation collation) {
    List<BsonValue> values = List.of(operand);
    if (operand.isDocument() && !operand.asDocument().isEmpty()
        && operand.asDocument().getFirstKey().equals("$each")) {
      BsonDocument document = operand.asDocument();
      BsonValue each = document.get("$each");
      if (!each.isArray()) {
        throw ErrorCode.TYPE_MISMATCH.error("The argument to $each in $addToSet must be an array but it was of type "
            + BsonText.typeName(each));
      }
      if (document.size() > 1) {
        throw ErrorCode.BAD_VALUE.error(
            "Found unexpected fields after $each in $addToSet: " + BsonText.document(document));
      }
      values = each.asArray().getValues();
    }
    List<BsonValue> distinct = new ArrayList<>();
    for (BsonValue value : values) {
      if (distinct.stream().noneMatch(existing -> BsonOrder.compare(existing, value, collation) == 0)) {
        distinct.add(value);
      }
    }
    return new AddToSetModifier(List.copyOf(distinct), collation);
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    BsonValue current = element.value();
    if (!current.isArray()) {
      throw ErrorCode.BAD_VALUE.error("Cannot apply $addToSet to non-array field. Field named '" + element.name()
          + "' has non-array type " + BsonText.typeName(current));
    }
    BsonArray array = current.asArray();
    List<BsonValue> toAdd = new ArrayList<>();
    for (BsonValue value : values) {
      if (array.stream().noneMatch(existing -> BsonOrder.compare(existing, value, collation) == 0)) {
        toAdd.add(value);
      }
    }
    toAdd.forEach(value -> array.add(Values.deepCopy(value)));
    return toAdd.isEmpty() ? Outcome.NO_OP : Outcome.UPDATED;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    BsonArray array = new BsonArray();
    values.forEach(value -> array.add(Values.deepCopy(value)));
    return array;
  }

  @Override
  boolean allowCreation() {
    return true;
  }
}
