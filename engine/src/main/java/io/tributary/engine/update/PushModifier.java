package io.tributary.engine.update;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * {@code $push}, with {@code $each}, {@code $position}, {@code $sort} and {@code $slice}. A plain append to a
 * non-empty array is logged element by element ({@code "arr.3": v}); any other change logs the whole array.
 * Immutable and thread-safe.
 */
final class PushModifier extends ModifierNode {
  private static final List<String> CLAUSES = List.of("$each", "$slice", "$sort", "$position");

  private final List<BsonValue> values;
  private final Long position;
  private final PushSort sort;
  private final Long slice;

  private PushModifier(List<BsonValue> values, Long position, PushSort sort, Long slice) {
    this.values = values;
    this.position = position;
    this.sort = sort;
    this.slice = slice;
  }

  static PushModifier parse(BsonValue operand, Collation collation) {
    if (!operand.isDocument() || !operand.asDocument().containsKey("$each")) {
      return new PushModifier(List.of(operand), null, null, null);
    }
    Map<String, BsonValue> clauses = new LinkedHashMap<>();
    for (Map.Entry<String, BsonValue> clause : operand.asDocument().entrySet()) {
      if (!CLAUSES.contains(clause.getKey())) {
        throw ErrorCode.BAD_VALUE.error("Unrecognized clause in $push: " + clause.getKey());
      }
      clauses.put(clause.getKey(), clause.getValue());
    }
    BsonValue each = clauses.get("$each");
    if (!each.isArray()) {
      throw ErrorCode.BAD_VALUE.error("The argument to $each in $push must be an array but it was of type: "
          + BsonText.typeName(each));
    }
    Long slice = clauses.containsKey("$slice") ? integer(clauses.get("$slice"),
        "The value for $slice must be an integer value but was given type: ") : null;
    PushSort sort = clauses.containsKey("$sort") ? PushSort.parse(clauses.get("$sort"), collation) : null;
    Long position = clauses.containsKey("$position") ? integer(clauses.get("$position"),
        "The value for $position must be an integer value, not of type: ") : null;
    return new PushModifier(List.copyOf(each.asArray().getValues()), position, sort, slice);
  }

  private static Long integer(BsonValue value, String message) {
    Long parsed = IntegerArgument.toLong(value);
    if (parsed == null) {
      throw ErrorCode.BAD_VALUE.error(message + BsonText.typeName(value));
    }
    return parsed;
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    if (!element.value().isArray()) {
      throw ErrorCode.BAD_VALUE.error("The field '" + path.dotted() + "' must be an array but is of type "
          + BsonText.typeName(element.value()) + " in document {" + context.idText() + "}");
    }
    return push(element.value().asArray());
  }

  private Outcome push(BsonArray array) {
    Outcome outcome = insert(array);
    if (sort != null) {
      outcome = Outcome.UPDATED;
      List<BsonValue> sorted = new ArrayList<>(array.getValues());
      sorted.sort(sort);
      array.clear();
      array.addAll(sorted);
    }
    if (slice != null) {
      long keep = slice == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(slice);
      if (array.size() > keep) {
        outcome = Outcome.UPDATED;
        while (array.size() > keep) {
          array.remove(slice >= 0 ? array.size() - 1 : 0);
        }
      }
    }
    return outcome;
  }

  /** Inserts the values where {@code $position} says (mongod's {@code insertElementsWithPosition}). */
  private Outcome insert(BsonArray array) {
    if (values.isEmpty()) {
      return Outcome.NO_OP;
    }
    long size = array.size();
    int at;
    Outcome outcome = Outcome.UPDATED;
    if (size == 0) {
      at = 0;
    } else if (position == null || position > size) {
      at = (int) size;
      outcome = Outcome.APPENDED;
    } else if (position >= 0) {
      at = (int) (long) position;
    } else if (-position < size) {
      at = (int) (size + position);
    } else {
      at = 0;
    }
    for (int i = 0; i < values.size(); i++) {
      array.add(at + i, Values.deepCopy(values.get(i)));
    }
    return outcome;
  }

  @Override
  BsonValue valueForNew(ApplyContext context) {
    BsonArray array = new BsonArray();
    push(array);
    return array;
  }

  @Override
  boolean allowCreation() {
    return true;
  }

  @Override
  void log(ChangeLog log, RuntimePath path, Element element, Outcome outcome) {
    if (outcome != Outcome.APPENDED) {
      super.log(log, path, element, outcome);
      return;
    }
    BsonArray array = element.value().asArray();
    for (int i = array.size() - values.size(); i < array.size(); i++) {
      log.updated(path.append(Integer.toString(i), true), array.get(i));
    }
  }
}
