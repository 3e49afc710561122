package io.tributary.engine.bson;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;

/**
 * MongoDB's total order over BSON values (manual: "Comparison/Sort Order"): MinKey &lt; undefined &lt; null &lt;
 * numbers &lt; symbol, string &lt; object &lt; array &lt; binary &lt; ObjectId &lt; boolean &lt; date &lt;
 * timestamp &lt; regex &lt; DBPointer &lt; code &lt; code with scope &lt; MaxKey. Numbers compare by exact value across
 * int32/int64/double/decimal128 (NaN below every other number, equal to itself; -0 equals 0), strings by
 * binary UTF-8 order (or a collation's, given one), documents field by field (type bracket, then name, then value), arrays
 * element by element, binary data by length, then subtype, then bytes. Stateless and thread-safe.
 */
public final class BsonOrder {
  public static final Comparator<BsonValue> COMPARATOR = BsonOrder::compare;

  private BsonOrder() {}

  /** Negative, zero or positive as {@code left} sorts before, with, or after {@code right}. */
  public static int compare(BsonValue left, BsonValue right) {
    return compare(left, right, null);
  }

  /**
   * As {@link #compare(BsonValue, BsonValue)}, with strings and symbols (at any depth) compared by {@code strings}
   * (a collation; null for binary order). Field names are never collated.
   */
  public static int compare(BsonValue left, BsonValue right, Comparator<String> strings) {
    TypeBracket leftBracket = TypeBracket.of(left);
    TypeBracket rightBracket = TypeBracket.of(right);
    if (leftBracket != rightBracket) {
      return leftBracket.compareTo(rightBracket);
    }
    return compareWithinBracket(leftBracket, left, right, strings);
  }

  /**
   * Value equality as {@code $eq} and unique indexes see it: same type bracket and equal value, so 1, 1L, 1.0
   * and Decimal128 1.0 are equal, and a string equals a symbol with the same characters.
   */
  public static boolean equal(BsonValue left, BsonValue right) {
    return compare(left, right) == 0;
  }

  private static int compareWithinBracket(TypeBracket bracket, BsonValue left, BsonValue right,
      Comparator<String> strings) {
    switch (bracket) {
      case NUMBER:
        return Numbers.compare(left, right);
      case STRING:
        return strings == null ? compareStrings(TypeBracket.stringOf(left), TypeBracket.stringOf(right))
            : strings.compare(TypeBracket.stringOf(left), TypeBracket.stringOf(right));
      case OBJECT:
        return compareDocuments(left.asDocument(), right.asDocument(), strings);
      case ARRAY:
        return compareArrays(left.asArray(), right.asArray(), strings);
      case BINARY:
        return compareBinaries(left.asBinary(), right.asBinary());
      case OBJECT_ID:
        return left.asObjectId().getValue().compareTo(right.asObjectId().getValue());
      case BOOLEAN:
        return Boolean.compare(left.asBoolean().getValue(), right.asBoolean().getValue());
      case DATE:
        return Long.compare(left.asDateTime().getValue(), right.asDateTime().getValue());
      case TIMESTAMP:
        return Long.compareUnsigned(left.asTimestamp().getValue(), right.asTimestamp().getValue());
      case REGEX:
        return compareRegexes(left.asRegularExpression(), right.asRegularExpression());
      case DB_POINTER:
        return compareDbPointers(left.asDBPointer(), right.asDBPointer());
      case CODE:
        return compareStrings(left.asJavaScript().getCode(), right.asJavaScript().getCode());
      case CODE_WITH_SCOPE:
        return compareCodeWithScope(left.asJavaScriptWithScope(), right.asJavaScriptWithScope());
      default:
        return 0; // MinKey, undefined, null, MaxKey: one value each
    }
  }

  /** Binary UTF-8 order, which is code point order (Java's {@code compareTo} orders UTF-16 units instead). */
  public static int compareStrings(String left, String right) {
    int leftIndex = 0;
    int rightIndex = 0;
    while (leftIndex < left.length() && rightIndex < right.length()) {
      int leftCodePoint = left.codePointAt(leftIndex);
      int rightCodePoint = right.codePointAt(rightIndex);
      if (leftCodePoint != rightCodePoint) {
        return Integer.compare(leftCodePoint, rightCodePoint);
      }
      leftIndex += Character.charCount(leftCodePoint);
      rightIndex += Character.charCount(rightCodePoint);
    }
    return Integer.compare(left.length() - leftIndex, right.length() - rightIndex);
  }

  private static int compareDocuments(BsonDocument left, BsonDocument right, Comparator<String> strings) {
    Iterator<Map.Entry<String, BsonValue>> leftFields = left.entrySet().iterator();
    Iterator<Map.Entry<String, BsonValue>> rightFields = right.entrySet().iterator();
    while (leftFields.hasNext() && rightFields.hasNext()) {
      Map.Entry<String, BsonValue> leftField = leftFields.next();
      Map.Entry<String, BsonValue> rightField = rightFields.next();
      int result = TypeBracket.of(leftField.getValue()).compareTo(TypeBracket.of(rightField.getValue()));
      if (result == 0) {
        result = compareStrings(leftField.getKey(), rightField.getKey());
      }
      if (result == 0) {
        result = compare(leftField.getValue(), rightField.getValue(), strings);
      }
      if (result != 0) {
        return result;
      }
    }
    return Boolean.compare(leftFields.hasNext(), rightFields.hasNext());
  }

  private static int compareArrays(BsonArray left, BsonArray right, Comparator<String> strings) {
    int common = Math.min(left.size(), right.size());
    for (int i = 0; i < common; i++) {
      int result = compare(left.get(i), right.get(i), strings);
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private static int compareBinaries(BsonBinary left, BsonBinary right) {
    int result = Integer.compare(left.getData().length, right.getData().length);
    if (result == 0) {
      result = Integer.compare(left.getType() & 0xFF, right.getType() & 0xFF);
    }
    return result != 0 ? result : Arrays.compareUnsigned(left.getData(), right.getData());
  }

  private static int compareRegexes(BsonRegularExpression left, BsonRegularExpression right) {
    int result = compareStrings(left.getPattern(), right.getPattern());
    return result != 0 ? result : compareStrings(left.getOptions(), right.getOptions());
  }

  private static int compareDbPointers(BsonDbPointer left, BsonDbPointer right) {
    int result = Integer.compare(
        left.getNamespace().getBytes(StandardCharsets.UTF_8).length,
        right.getNamespace().getBytes(StandardCharsets.UTF_8).length);
    if (result == 0) {
      result = compareStrings(left.getNamespace(), right.getNamespace());
    }
    return result != 0 ? result : left.getId().compareTo(right.getId());
  }

  private static int compareCodeWithScope(BsonJavaScriptWithScope left, BsonJavaScriptWithScope right) {
    int result = compareStrings(left.getCode(), right.getCode());
    return result != 0 ? result : compareDocuments(left.getScope(), right.getScope(), null);
  }
}
