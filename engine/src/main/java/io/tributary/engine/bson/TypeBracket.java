package io.tributary.engine.bson;

import org.bson.BsonValue;

/**
 * MongoDB's canonical type brackets, in sort order: values in different brackets compare by bracket alone, and
 * comparison query operators only match values in the bracket of their operand. {@link #keyByte} is the type
 * byte {@link KeyCodec} writes for the bracket (MongoDB's KeyString values). Immutable and thread-safe.
 */
public enum TypeBracket {
  MIN_KEY(0x0A),
  UNDEFINED(0x0F),
  NULL(0x14),
  NUMBER(0x1E),
  STRING(0x3C),
  OBJECT(0x46),
  ARRAY(0x50),
  BINARY(0x5A),
  OBJECT_ID(0x64),
  BOOLEAN(0x6E),
  DATE(0x78),
  TIMESTAMP(0x82),
  REGEX(0x8C),
  DB_POINTER(0x96),
  CODE(0xA0),
  CODE_WITH_SCOPE(0xAA),
  MAX_KEY(0xF0);

  private final int keyByte;

  TypeBracket(int keyByte) {
    this.keyByte = keyByte;
  }

  int keyByte() {
    return keyByte;
  }

  public static TypeBracket of(BsonValue value) {
    switch (value.getBsonType()) {
      case MIN_KEY: return MIN_KEY;
      case UNDEFINED: return UNDEFINED;
      case NULL: return NULL;
      case INT32: case INT64: case DOUBLE: case DECIMAL128: return NUMBER;
      case STRING: case SYMBOL: return STRING;
      case DOCUMENT: return OBJECT;
      case ARRAY: return ARRAY;
      case BINARY: return BINARY;
      case OBJECT_ID: return OBJECT_ID;
      case BOOLEAN: return BOOLEAN;
      case DATE_TIME: return DATE;
      case TIMESTAMP: return TIMESTAMP;
      case REGULAR_EXPRESSION: return REGEX;
      case DB_POINTER: return DB_POINTER;
      case JAVASCRIPT: return CODE;
      case JAVASCRIPT_WITH_SCOPE: return CODE_WITH_SCOPE;
      case MAX_KEY: return MAX_KEY;
      default: throw new IllegalArgumentException("not a BSON value type: " + value.getBsonType());
    }
  }

  /** The characters of a string or symbol, which MongoDB compares as one type. */
  static String stringOf(BsonValue value) {
    return value.isSymbol() ? value.asSymbol().getSymbol() : value.asString().getValue();
  }
}
