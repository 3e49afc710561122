package io.tributary.engine.update;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Computes the delta between two versions of a document the way mongod does for pipeline updates
 * ({@code doc_diff::computeOplogDiff}): fields are matched in order; a field that moved is deleted and re-inserted;
 * documents and arrays of the same type are diffed recursively unless the nested diff would be larger than the new
 * value; a shorter array gets a new size. When the whole delta (plus the oplog entry's metadata) is not smaller
 * than the new document, there is no delta and the change is logged as a replacement. Stateless.
 */
final class DeltaCalculator {
  /** The bytes an oplog entry's {@code $v: 2, diff: ...} wrapping adds to the diff. */
  static final int DELTA_METADATA_SIZE = 15;

  private DeltaCalculator() {}

  /** The delta from {@code pre} to {@code post}, or null when a replacement is smaller. */
  static DocumentDiff compute(BsonDocument pre, BsonDocument post) {
    DocumentDiff diff = documentDiff(pre, post);
    return BsonSize.of(post) > BsonSize.of(diff.toBson()) + DELTA_METADATA_SIZE ? diff : null;
  }

  private static DocumentDiff documentDiff(BsonDocument pre, BsonDocument post) {
    DocumentDiff diff = new DocumentDiff();
    Set<String> deletes = new LinkedHashSet<>();
    Iterator<Map.Entry<String, BsonValue>> preFields = pre.entrySet().iterator();
    Iterator<Map.Entry<String, BsonValue>> postFields = post.entrySet().iterator();
    Map.Entry<String, BsonValue> postField = next(postFields);
    while (preFields.hasNext() && postField != null) {
      Map.Entry<String, BsonValue> preField = preFields.next();
      if (!preField.getKey().equals(postField.getKey())) {
        deletes.add(preField.getKey());
        continue;
      }
      if (!Values.identical(preField.getValue(), postField.getValue())) {
        compareValues(preField.getKey(), preField.getValue(), postField.getValue(), diff);
      }
      postField = next(postFields);
    }
    while (preFields.hasNext()) {
      diff.delete(preFields.next().getKey());
    }
    for (; postField != null; postField = next(postFields)) {
      diff.insert(postField.getKey(), postField.getValue());
      deletes.remove(postField.getKey());
    }
    deletes.forEach(diff::delete);
    return diff;
  }

  private static void compareValues(String field, BsonValue pre, BsonValue post, DocumentDiff diff) {
    DiffNode sub = subDiff(pre, post);
    if (sub == null) {
      diff.update(field, post);
    } else {
      diff.nested(field, sub);
    }
  }

  /** The nested diff of two documents or two arrays, or null when the values differ in type or it is too big. */
  private static DiffNode subDiff(BsonValue pre, BsonValue post) {
    DiffNode sub;
    if (pre.isDocument() && post.isDocument()) {
      sub = documentDiff(pre.asDocument(), post.asDocument());
    } else if (pre.isArray() && post.isArray()) {
      sub = arrayDiff(pre.asArray(), post.asArray());
    } else {
      return null;
    }
    return BsonSize.value(post) > BsonSize.of(sub.toBson()) ? sub : null;
  }

  private static ArrayDiff arrayDiff(BsonArray pre, BsonArray post) {
    ArrayDiff diff = new ArrayDiff();
    int common = Math.min(pre.size(), post.size());
    for (int i = 0; i < common; i++) {
      if (!Values.identical(pre.get(i), post.get(i))) {
        DiffNode sub = subDiff(pre.get(i), post.get(i));
        if (sub == null) {
          diff.update(i, post.get(i));
        } else {
          diff.nested(i, sub);
        }
      }
    }
    for (int i = common; i < post.size(); i++) {
      diff.update(i, post.get(i));
    }
    if (pre.size() > post.size()) {
      diff.truncate(post.size());
    }
    return diff;
  }

  private static Map.Entry<String, BsonValue> next(Iterator<Map.Entry<String, BsonValue>> iterator) {
    return iterator.hasNext() ? iterator.next() : null;
  }
}
