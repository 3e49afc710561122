package io.tributary.engine.update;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The diff of one document: fields updated in place, fields inserted (appended), fields deleted, and nested diffs,
 * each section in the order recorded. Not thread-safe.
 */
final class DocumentDiff implements DiffNode {
  final Map<String, BsonValue> updates = new LinkedHashMap<>();
  final Map<String, BsonValue> inserts = new LinkedHashMap<>();
  final Set<String> deletes = new LinkedHashSet<>();
  final Map<String, DiffNode> subDiffs = new LinkedHashMap<>();

  void update(String field, BsonValue value) {
    subDiffs.remove(field);
    updates.put(field, value);
  }

  void insert(String field, BsonValue value) {
    subDiffs.remove(field);
    deletes.remove(field);
    inserts.put(field, value);
  }

  void delete(String field) {
    subDiffs.remove(field);
    updates.remove(field);
    inserts.remove(field);
    deletes.add(field);
  }

  /** Records the nested diff of {@code field}. */
  void nested(String field, DiffNode sub) {
    subDiffs.put(field, sub);
  }

  /** True when {@code field} is recorded with its whole value (so changes below it need no entry). */
  boolean holdsValue(String field) {
    return updates.containsKey(field) || inserts.containsKey(field);
  }

  /** The nested diff of {@code field}, created (as an array diff when {@code array}) if absent. */
  DiffNode subDiff(String field, boolean array) {
    return subDiffs.computeIfAbsent(field, f -> array ? new ArrayDiff() : new DocumentDiff());
  }

  @Override
  public BsonDocument toBson() {
    BsonDocument diff = new BsonDocument();
    if (!deletes.isEmpty()) {
      BsonDocument section = new BsonDocument();
      deletes.forEach(field -> section.append(field, BsonBoolean.FALSE));
      diff.append("d", section);
    }
    if (!updates.isEmpty()) {
      diff.append("u", section(updates));
    }
    if (!inserts.isEmpty()) {
      diff.append("i", section(inserts));
    }
    subDiffs.forEach((field, sub) -> diff.append("s" + field, sub.toBson()));
    return diff;
  }

  private static BsonDocument section(Map<String, BsonValue> entries) {
    BsonDocument section = new BsonDocument();
    entries.forEach(section::append);
    return section;
  }
}
