package io.tributary.engine.update;

import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The diff of one array: elements set by index (beyond the old end they extend the array, padding with nulls),
 * nested diffs of elements, and an optional new, smaller size. Entries are kept in index order. Not thread-safe.
 */
final class ArrayDiff implements DiffNode {
  /** Each entry is a {@link BsonValue} (the element's new value) or a {@link DiffNode} (its nested diff). */
  final Map<Integer, Object> entries = new TreeMap<>();
  Integer newSize;

  void update(int index, BsonValue value) {
    entries.put(index, value);
  }

  /** Records the nested diff of the element at {@code index}. */
  void nested(int index, DiffNode sub) {
    entries.put(index, sub);
  }

  /** The array now ends after {@code size} elements. */
  void truncate(int size) {
    newSize = size;
  }

  boolean holdsValue(int index) {
    return entries.get(index) instanceof BsonValue;
  }

  DiffNode subDiff(int index, boolean array) {
    Object entry = entries.get(index);
    if (entry instanceof DiffNode) {
      return (DiffNode) entry;
    }
    DiffNode sub = array ? new ArrayDiff() : new DocumentDiff();
    entries.put(index, sub);
    return sub;
  }

  @Override
  public BsonDocument toBson() {
    BsonDocument diff = new BsonDocument("a", BsonBoolean.TRUE);
    if (newSize != null) {
      diff.append("l", new BsonInt32(newSize));
    }
    entries.forEach((index, entry) -> {
      if (entry instanceof DiffNode) {
        diff.append("s" + index, ((DiffNode) entry).toBson());
      } else {
        diff.append("u" + index, (BsonValue) entry);
      }
    });
    return diff;
  }
}
