package io.tributary.engine.update;

import java.util.Iterator;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonValue;

/** Copying and byte-level comparison of BSON values, as the update language needs them. Stateless. */
final class Values {
  private Values() {}

  /** A copy whose documents and arrays are fresh, mutable {@link BsonDocument}s and {@link BsonArray}s. */
  static BsonValue deepCopy(BsonValue value) {
    if (value.isDocument()) {
      return deepCopy(value.asDocument());
    }
    if (value.isArray()) {
      BsonArray copy = new BsonArray();
      value.asArray().forEach(element -> copy.add(deepCopy(element)));
      return copy;
    }
    return value;
  }

  static BsonDocument deepCopy(BsonDocument document) {
    BsonDocument copy = new BsonDocument();
    document.forEach((name, element) -> copy.append(name, deepCopy(element)));
    return copy;
  }

  /**
   * MongoDB's {@code binaryEqualValues}: same type and same bytes, so field order matters and 1 is not identical to
   * 1.0 ({@link BsonDocument#equals} ignores field order, hence this method).
   */
  static boolean identical(BsonValue left, BsonValue right) {
    if (left.getBsonType() != right.getBsonType()) {
      return false;
    }
    if (left.isDocument()) {
      return identicalDocuments(left.asDocument(), right.asDocument());
    }
    if (left.isArray()) {
      return identicalArrays(left.asArray(), right.asArray());
    }
    if (left.isDouble()) {
      return Double.doubleToRawLongBits(((BsonDouble) left).getValue())
          == Double.doubleToRawLongBits(((BsonDouble) right).getValue());
    }
    return left.equals(right);
  }

  private static boolean identicalDocuments(BsonDocument left, BsonDocument right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<Map.Entry<String, BsonValue>> rightEntries = right.entrySet().iterator();
    for (Map.Entry<String, BsonValue> entry : left.entrySet()) {
      Map.Entry<String, BsonValue> other = rightEntries.next();
      if (!entry.getKey().equals(other.getKey()) || !identical(entry.getValue(), other.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean identicalArrays(BsonArray left, BsonArray right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!identical(left.get(i), right.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The array index a path component names, or -1: digits only, leading zeros allowed, as mongod's update paths
   * read them ({@code parseUnsignedBase10Integer}; stricter {@code FieldPath.isArrayIndex} is the query's reading).
   */
  static int arrayIndex(String part) {
    if (part.isEmpty() || part.length() > 9) {
      return -1;
    }
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) < '0' || part.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(part);
  }
}
