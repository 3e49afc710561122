package io.tributary.engine.command.crud;

import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The document an upsert starts from when nothing matched: the filter's equality conditions
 * ({@code {a: 1}}, {@code {"b.c": 2}}, {@code {d: {$eq: 3}}}, and those inside a top-level {@code $and}), with
 * dotted paths expanded into embedded documents, as mongod seeds it. Stateless.
 */
public final class UpsertSeed {
  private UpsertSeed() {}

  public static BsonDocument of(BsonDocument filter) {
    BsonDocument seed = new BsonDocument();
    addEqualities(filter, seed);
    return seed;
  }

  private static void addEqualities(BsonDocument filter, BsonDocument seed) {
    for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
      String field = condition.getKey();
      BsonValue value = condition.getValue();
      if (field.equals("$and") && value.isArray()) {
        value.asArray().forEach(clause -> {
          if (clause.isDocument()) {
            addEqualities(clause.asDocument(), seed);
          }
        });
      } else if (!field.startsWith("$")) {
        BsonValue equal = equalityValue(value);
        if (equal != null) {
          set(seed, field.split("\\."), 0, equal);
        }
      }
    }
  }

  /** The value an equality condition fixes, or null for other conditions. */
  private static BsonValue equalityValue(BsonValue condition) {
    if (!condition.isDocument()) {
      return condition.isRegularExpression() ? null : condition;
    }
    BsonDocument operators = condition.asDocument();
    if (operators.isEmpty() || !operators.getFirstKey().startsWith("$")) {
      return condition;
    }
    return operators.size() == 1 && operators.containsKey("$eq") ? operators.get("$eq") : null;
  }

  private static void set(BsonDocument target, String[] path, int i, BsonValue value) {
    if (i == path.length - 1) {
      target.put(path[i], value);
      return;
    }
    BsonValue child = target.get(path[i]);
    if (child == null || !child.isDocument()) {
      child = new BsonDocument();
      target.put(path[i], child);
    }
    set(child.asDocument(), path, i + 1, value);
  }
}
