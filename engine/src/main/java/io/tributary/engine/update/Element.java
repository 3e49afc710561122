package io.tributary.engine.update;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A handle on one value inside the document being updated: the root document, a field of a document or an
 * element of an array. Reads go through the container, so the handle stays valid when the value is replaced.
 * Not thread-safe (it belongs to one update application).
 */
final class Element {
  private final BsonValue container;
  private final String name;
  private final int index;

  private Element(BsonValue container, String name, int index) {
    this.container = container;
    this.name = name;
    this.index = index;
  }

  static Element root(BsonDocument document) {
    return new Element(document, null, -1);
  }

  static Element field(BsonDocument parent, String name) {
    return new Element(parent, name, -1);
  }

  static Element item(BsonArray parent, int index) {
    return new Element(parent, Integer.toString(index), index);
  }

  boolean isRoot() {
    return name == null;
  }

  boolean inArray() {
    return index >= 0;
  }

  /** The field name ({@code "3"} for the fourth array element). */
  String name() {
    return name == null ? "" : name;
  }

  BsonValue value() {
    if (index >= 0) {
      return container.asArray().get(index);
    }
    return isRoot() ? container : container.asDocument().get(name);
  }

  void set(BsonValue value) {
    if (index >= 0) {
      container.asArray().set(index, value);
    } else {
      container.asDocument().put(name, value);
    }
  }

  /** Removes the value from its document; array elements are not removed here (callers decide). */
  void removeFromDocument() {
    container.asDocument().remove(name);
  }

  /** The existing child named {@code part} (a digits-only part indexes an array), or null. */
  Element child(String part) {
    BsonValue value = value();
    if (value.isDocument()) {
      return value.asDocument().containsKey(part) ? field(value.asDocument(), part) : null;
    }
    if (value.isArray()) {
      int position = Values.arrayIndex(part);
      return position >= 0 && position < value.asArray().size() ? item(value.asArray(), position) : null;
    }
    return null;
  }

  /** {@code name: value}, as mongod prints an element in error messages. */
  String text() {
    return BsonText.element(name(), value());
  }
}
