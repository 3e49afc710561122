package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Creates a missing path below an existing element (mongod's {@code pathsupport::createPathAt}): intermediate
 * components become documents, a numeric first component indexes an existing array (padding it with nulls), and
 * a scalar blocks the path. Stateless.
 */
final class PathCreation {
  /** mongod refuses to pad an array by more than this many elements. */
  private static final int MAX_PADDING = 1_500_000;

  private PathCreation() {}

  /** Creates {@code pathToCreate} below {@code element} ending in {@code leaf}; returns the topmost new element. */
  static Element create(Element element, List<String> pathToCreate, BsonValue leaf) {
    String first = pathToCreate.get(0);
    BsonValue container = element.value();
    BsonValue subtree = leaf;
    for (int i = pathToCreate.size() - 1; i > 0; i--) {
      subtree = new BsonDocument(pathToCreate.get(i), subtree);
    }
    if (container.isDocument()) {
      container.asDocument().append(first, subtree);
      return Element.field(container.asDocument(), first);
    }
    int index = Values.arrayIndex(first);
    if (!container.isArray() || index < 0) {
      throw ErrorCode.PATH_NOT_VIABLE.error("Cannot create field '" + first + "' in element {" + element.text() + "}");
    }
    BsonArray array = container.asArray();
    if (index - array.size() > MAX_PADDING) {
      throw ErrorCode.CANNOT_BACKFILL_ARRAY.error("can't backfill more than " + MAX_PADDING + " elements");
    }
    while (array.size() < index) {
      array.add(BsonNull.VALUE);
    }
    array.add(subtree);
    return Element.item(array, index);
  }
}
