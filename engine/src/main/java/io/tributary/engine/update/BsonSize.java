package io.tributary.engine.update;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** The encoded BSON size of values, computed without encoding them. Stateless. */
final class BsonSize {
  private BsonSize() {}

  static int of(BsonDocument document) {
    int size = 5;
    for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
      size += 1 + cstring(entry.getKey()) + value(entry.getValue());
    }
    return size;
  }

  static int of(BsonArray array) {
    int size = 5;
    for (int i = 0; i < array.size(); i++) {
      size += 1 + cstring(Integer.toString(i)) + value(array.get(i));
    }
    return size;
  }

  /** The size of the value part of an element holding {@code value}. */
  static int value(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT: return of(value.asDocument());
      case ARRAY: return of(value.asArray());
      case STRING: return string(value.asString().getValue());
      case SYMBOL: return string(value.asSymbol().getSymbol());
      case JAVASCRIPT: return string(value.asJavaScript().getCode());
      case JAVASCRIPT_WITH_SCOPE:
        return 4 + string(value.asJavaScriptWithScope().getCode()) + of(value.asJavaScriptWithScope().getScope());
      case BINARY: return 5 + value.asBinary().getData().length;
      case REGULAR_EXPRESSION:
        return cstring(value.asRegularExpression().getPattern()) + cstring(value.asRegularExpression().getOptions());
      case DB_POINTER: return string(value.asDBPointer().getNamespace()) + 12;
      case OBJECT_ID: return 12;
      case BOOLEAN: return 1;
      case INT32: return 4;
      case DECIMAL128: return 16;
      case NULL: case UNDEFINED: case MIN_KEY: case MAX_KEY: return 0;
      default: return 8;
    }
  }

  private static int string(String text) {
    return 4 + cstring(text);
  }

  private static int cstring(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length + 1;
  }
}
