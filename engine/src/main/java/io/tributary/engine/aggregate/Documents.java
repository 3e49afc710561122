package io.tributary.engine.aggregate;

import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Reading and copy-on-write setting of a dotted path through embedded documents (arrays are not entered). */
final class Documents {
  private Documents() {}

  /** The value at {@code path}, or null when a step is missing or not a document. */
  static BsonValue get(BsonDocument document, List<String> path) {
    BsonValue current = document;
    for (String part : path) {
      if (!current.isDocument()) {
        return null;
      }
      current = current.asDocument().get(part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /**
   * A copy of {@code document} with {@code value} at {@code path}; documents along the path are copied (and
   * non-documents in the way replaced), everything else is shared with the original.
   */
  static BsonDocument with(BsonDocument document, List<String> path, BsonValue value) {
    BsonDocument copy = new BsonDocument();
    copy.putAll(document);
    String first = path.get(0);
    if (path.size() == 1) {
      copy.put(first, value);
      return copy;
    }
    BsonValue child = document.get(first);
    BsonDocument inner = child != null && child.isDocument() ? child.asDocument() : new BsonDocument();
    copy.put(first, with(inner, path.subList(1, path.size()), value));
    return copy;
  }

  /** A copy of {@code document} without the field at {@code path}, sharing what is not on the path. */
  static BsonDocument without(BsonDocument document, List<String> path) {
    BsonDocument copy = new BsonDocument();
    copy.putAll(document);
    BsonValue child = document.get(path.get(0));
    if (path.size() == 1) {
      copy.remove(path.get(0));
    } else if (child != null && child.isDocument()) {
      copy.put(path.get(0), without(child.asDocument(), path.subList(1, path.size())));
    }
    return copy;
  }
}
