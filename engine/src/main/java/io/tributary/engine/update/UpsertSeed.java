package io.tributary.engine.update;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The document an upsert starts from: the equality conditions of its filter ({@code {a: 1}}, {@code {a: {$eq: 1}}},
 * a one-element {@code $in}, inside {@code $and} or a one-clause {@code $or}), dotted paths creating nested
 * documents, {@code _id} first. For a replacement only {@code _id} is taken. A condition on a path already seeded,
 * or below one, fails with NotSingleValueField; as in mongod the paths are then created in sorted order, so a
 * condition below a later scalar fails with PathNotViable and one below a later document extends it. Stateless.
 */
final class UpsertSeed {
  private record Equality(FieldPath path, BsonValue value) {}

  private UpsertSeed() {}

  static BsonDocument fromFilter(BsonDocument filter, boolean onlyId) {
    List<Equality> equalities = new ArrayList<>();
    collect(filter, equalities);
    equalities.sort(Comparator.comparing(equality -> equality.path().toString()));
    BsonDocument seed = new BsonDocument();
    for (Equality equality : equalities) {
      if (!onlyId || equality.path().toString().equals("_id")) {
        put(seed, equality.path(), Values.deepCopy(equality.value()));
      }
    }
    BsonValue id = seed.remove("_id");
    if (id == null) {
      return seed;
    }
    BsonDocument ordered = new BsonDocument("_id", id);
    ordered.putAll(seed);
    return ordered;
  }

  private static void collect(BsonDocument filter, List<Equality> equalities) {
    for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
      String key = condition.getKey();
      BsonValue value = condition.getValue();
      if (key.equals("$and") && value.isArray()) {
        value.asArray().stream().filter(BsonValue::isDocument).forEach(c -> collect(c.asDocument(), equalities));
      } else if (key.equals("$or") && value.isArray() && value.asArray().size() == 1
          && value.asArray().get(0).isDocument()) {
        collect(value.asArray().get(0).asDocument(), equalities);
      } else if (!key.startsWith("$")) {
        BsonValue equal = equalityValue(value);
        if (equal != null) {
          add(new Equality(FieldPath.parse(key), equal), equalities);
        }
      }
    }
  }

  /** The value a field condition requires the field to equal, or null when it is not an equality. */
  private static BsonValue equalityValue(BsonValue condition) {
    if (condition.isRegularExpression()) {
      return null;
    }
    if (!condition.isDocument() || condition.asDocument().isEmpty()
        || !condition.asDocument().getFirstKey().startsWith("$")) {
      return condition;
    }
    BsonDocument operators = condition.asDocument();
    if (operators.containsKey("$eq")) {
      return operators.get("$eq");
    }
    BsonValue in = operators.get("$in");
    if (in != null && in.isArray() && in.asArray().size() == 1 && !in.asArray().get(0).isRegularExpression()) {
      return in.asArray().get(0);
    }
    return null;
  }

  /** Records an equality; like mongod, only an earlier equality on the path or on a prefix of it conflicts. */
  private static void add(Equality equality, List<Equality> equalities) {
    for (Equality existing : equalities) {
      if (existing.path().equals(equality.path())) {
        throw ErrorCode.NOT_SINGLE_VALUE_FIELD.error(
            "cannot infer query fields to set, path '" + equality.path() + "' is matched twice");
      }
      if (existing.path().isPrefixOf(equality.path())) {
        throw ErrorCode.NOT_SINGLE_VALUE_FIELD.error("cannot infer query fields to set, both paths '"
            + equality.path() + "' and '" + existing.path() + "' are matched");
      }
    }
    equalities.add(equality);
  }

  /** Sets {@code value} at {@code path}, creating documents; a scalar on the way is PathNotViable. */
  private static void put(BsonDocument seed, FieldPath path, BsonValue value) {
    BsonDocument current = seed;
    for (int i = 0; i < path.length() - 1; i++) {
      BsonValue child = current.get(path.part(i));
      if (child == null) {
        child = new BsonDocument();
        current.put(path.part(i), child);
      } else if (!child.isDocument()) {
        throw ErrorCode.PATH_NOT_VIABLE.error("cannot use the part (" + path.part(i) + " of " + path
            + ") to traverse the element ({" + BsonText.element(path.part(i), child) + "})");
      }
      current = child.asDocument();
    }
    current.put(path.last(), value);
  }
}
