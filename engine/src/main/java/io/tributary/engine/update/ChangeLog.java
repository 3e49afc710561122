package io.tributary.engine.update;

import org.bson.BsonValue;

/**
 * Records the changes an operator update makes, at the granularity of MongoDB's delta ({@code $v: 2}) oplog
 * builder: a replaced value at its path, a created subtree at its topmost new component, a removed field. An entry
 * below a path whose whole value is already recorded is dropped, since that value is held by reference and
 * reflects the change. Not thread-safe.
 */
final class ChangeLog {
  private final DocumentDiff root = new DocumentDiff();

  DocumentDiff diff() {
    return root;
  }

  /** The value at {@code path} was replaced (or modified in place) by {@code value}. */
  void updated(RuntimePath path, BsonValue value) {
    DiffNode parent = parentOf(path);
    String last = path.parts().get(path.size() - 1);
    if (parent instanceof DocumentDiff) {
      ((DocumentDiff) parent).update(last, value);
    } else if (parent instanceof ArrayDiff) {
      ((ArrayDiff) parent).update(Integer.parseInt(last), value);
    }
  }

  /** The components of {@code path} from {@code firstCreated} on were created; {@code value} is the topmost. */
  void created(RuntimePath path, int firstCreated, BsonValue value) {
    RuntimePath created = path.prefix(firstCreated + 1);
    DiffNode parent = parentOf(created);
    String last = created.parts().get(firstCreated);
    if (parent instanceof DocumentDiff) {
      ((DocumentDiff) parent).insert(last, value);
    } else if (parent instanceof ArrayDiff) {
      ((ArrayDiff) parent).update(Integer.parseInt(last), value);
    }
  }

  /** The field at {@code path} was removed from its document. */
  void deleted(RuntimePath path) {
    DiffNode parent = parentOf(path);
    if (parent instanceof DocumentDiff) {
      ((DocumentDiff) parent).delete(path.parts().get(path.size() - 1));
    }
  }

  /** The diff node holding the last component of {@code path}, or null when an ancestor's value is recorded. */
  private DiffNode parentOf(RuntimePath path) {
    DiffNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      String part = path.parts().get(i);
      boolean childIsArray = path.isArrayIndex(i + 1);
      if (node instanceof DocumentDiff) {
        DocumentDiff document = (DocumentDiff) node;
        if (document.holdsValue(part)) {
          return null;
        }
        node = document.subDiff(part, childIsArray);
      } else {
        ArrayDiff array = (ArrayDiff) node;
        int index = Integer.parseInt(part);
        if (array.holdsValue(index)) {
          return null;
        }
        node = array.subDiff(index, childIsArray);
      }
    }
    return node;
  }
}
