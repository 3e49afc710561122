package io.tributary.engine.update;

import io.tributary.engine.bson.BsonTypeName;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * BSON rendered the way mongod's {@code BSONElement::toString} renders it inside error messages ({@code a: 1},
 * {@code { b: "x" }}, {@code [ 1, 2 ]}), and MongoDB's type names ({@code typeName}). Stateless.
 */
final class BsonText {
  private BsonText() {}

  /** {@code name: value}, as mongod prints an element. */
  static String element(String name, BsonValue value) {
    return name + ": " + value(value);
  }

  static String value(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT:
        return document(value.asDocument());
      case ARRAY:
        return array(value.asArray());
      case STRING:
        return '"' + value.asString().getValue() + '"';
      case DOUBLE:
        return doubleText(value.asDouble().getValue());
      case INT32:
        return Integer.toString(value.asInt32().getValue());
      case INT64:
        return Long.toString(value.asInt64().getValue());
      case DECIMAL128:
        return "NumberDecimal(\"" + value.asDecimal128().getValue() + "\")";
      case BOOLEAN:
        return Boolean.toString(value.asBoolean().getValue());
      default:
        return other(value);
    }
  }

  private static String other(BsonValue value) {
    switch (value.getBsonType()) {
      case NULL:
        return "null";
      case UNDEFINED:
        return "undefined";
      case MIN_KEY:
        return "MinKey";
      case MAX_KEY:
        return "MaxKey";
      case OBJECT_ID:
        return "ObjectId('" + value.asObjectId().getValue().toHexString() + "')";
      case DATE_TIME:
        return "new Date(" + value.asDateTime().getValue() + ")";
      case TIMESTAMP:
        BsonTimestamp timestamp = value.asTimestamp();
        return "Timestamp(" + timestamp.getTime() + ", " + timestamp.getInc() + ")";
      case REGULAR_EXPRESSION:
        BsonRegularExpression regex = value.asRegularExpression();
        return "/" + regex.getPattern() + "/" + regex.getOptions();
      case BINARY:
        BsonBinary binary = value.asBinary();
        return "BinData(" + binary.getType() + ", " + HexFormat.of().withUpperCase().formatHex(binary.getData()) + ")";
      case SYMBOL:
        return '"' + value.asSymbol().getSymbol() + '"';
      case JAVASCRIPT:
        return value.asJavaScript().getCode();
      default:
        return value.toString();
    }
  }

  static String document(BsonDocument document) {
    if (document.isEmpty()) {
      return "{}";
    }
    StringJoiner joiner = new StringJoiner(", ", "{ ", " }");
    for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
      joiner.add(element(entry.getKey(), entry.getValue()));
    }
    return joiner.toString();
  }

  private static String array(BsonArray array) {
    if (array.isEmpty()) {
      return "[]";
    }
    StringJoiner joiner = new StringJoiner(", ", "[ ", " ]");
    array.forEach(element -> joiner.add(value(element)));
    return joiner.toString();
  }

  private static String doubleText(double value) {
    if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (long) value + ".0";
    }
    return Double.toString(value);
  }

  /** MongoDB's name for the type of {@code value} ({@code typeName()} in the server). */
  static String typeName(BsonValue value) {
    return BsonTypeName.nameOf(value.getBsonType());
  }
}
