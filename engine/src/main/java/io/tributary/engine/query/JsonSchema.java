package io.tributary.engine.query;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.bson.TypeBracket;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * A parsed {@code $jsonSchema} (MongoDB's draft-4 subset): {@code bsonType type required properties
 * additionalProperties minProperties maxProperties minimum maximum exclusiveMinimum exclusiveMaximum enum
 * minLength maxLength pattern items additionalItems minItems maxItems uniqueItems allOf anyOf oneOf not}, with
 * {@code title} and {@code description} ignored. As in JSON Schema, a keyword about one kind of value (numbers,
 * strings, arrays, objects) accepts values of other kinds. Immutable and thread-safe.
 */
record JsonSchema(List<Keyword> keywords) {

  /** One keyword's test of a present value. */
  @FunctionalInterface
  interface Keyword {
    boolean accepts(BsonValue value);
  }

  private static final Map<String, Set<BsonType>> JSON_TYPES = Map.of(
      "object", EnumSet.of(BsonType.DOCUMENT), "array", EnumSet.of(BsonType.ARRAY),
      "number", EnumSet.of(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128),
      "boolean", EnumSet.of(BsonType.BOOLEAN), "string", EnumSet.of(BsonType.STRING),
      "null", EnumSet.of(BsonType.NULL));

  boolean accepts(BsonValue value) {
    return keywords.stream().allMatch(keyword -> keyword.accepts(value));
  }

  static JsonSchema parse(BsonDocument schema) {
    List<Keyword> keywords = new ArrayList<>();
    Map<String, JsonSchema> properties = new LinkedHashMap<>();
    if (schema.containsKey("properties")) {
      object(schema, "properties").forEach((name, child) -> properties.put(name, parse(schema(child, name))));
    }
    for (Map.Entry<String, BsonValue> entry : schema.entrySet()) {
      Keyword keyword = keyword(entry.getKey(), entry.getValue(), schema, properties);
      if (keyword != null) {
        keywords.add(keyword);
      }
    }
    return new JsonSchema(List.copyOf(keywords));
  }

  private static Keyword keyword(String name, BsonValue operand, BsonDocument schema,
      Map<String, JsonSchema> properties) {
    switch (name) {
      case "bsonType": return typeKeyword(bsonTypes(operand));
      case "type": return typeKeyword(jsonTypes(operand));
      case "properties": return onDocuments(document -> properties.entrySet().stream().allMatch(p ->
          !document.containsKey(p.getKey()) || p.getValue().accepts(document.get(p.getKey()))));
      case "required": return required(operand);
      case "additionalProperties": return additionalProperties(operand, properties.keySet());
      case "minimum": return bound(name, operand, schema, "exclusiveMinimum", 1);
      case "maximum": return bound(name, operand, schema, "exclusiveMaximum", -1);
      case "enum": return enumeration(operand);
      case "pattern": return pattern(operand);
      case "items": return items(operand, schema.get("additionalItems"));
      case "uniqueItems": return bool(name, operand) ? onArrays(JsonSchema::allDistinct) : null;
      case "not": return negation(parse(schema(operand, name)));
      case "exclusiveMinimum": case "exclusiveMaximum": case "additionalItems": case "title": case "description":
        return null; // read with the keyword they qualify, or documentation only
      default: return countOrCombinator(name, operand);
    }
  }

  private static Keyword countOrCombinator(String name, BsonValue operand) {
    switch (name) {
      case "minProperties": return atLeast(name, operand, value -> value.isDocument() ? value.asDocument().size() : -1);
      case "maxProperties": return atMost(name, operand, value -> value.isDocument() ? value.asDocument().size() : -1);
      case "minLength": return atLeast(name, operand, JsonSchema::codePoints);
      case "maxLength": return atMost(name, operand, JsonSchema::codePoints);
      case "minItems": return atLeast(name, operand, value -> value.isArray() ? value.asArray().size() : -1);
      case "maxItems": return atMost(name, operand, value -> value.isArray() ? value.asArray().size() : -1);
      case "allOf": return allOf(schemas(name, operand));
      case "anyOf": return anyOf(schemas(name, operand));
      case "oneOf": return oneOf(schemas(name, operand));
      default: throw ErrorCode.FAILED_TO_PARSE.error("Unknown $jsonSchema keyword: " + name);
    }
  }

  /** The size a count keyword measures, or -1 when the keyword does not apply to the value. */
  private interface Measure {
    long of(BsonValue value);
  }

  private static long codePoints(BsonValue value) {
    return value.isString() ? value.asString().getValue().codePointCount(0, value.asString().getValue().length()) : -1;
  }

  private static Keyword atLeast(String name, BsonValue operand, Measure measure) {
    long bound = count(name, operand);
    return value -> measure.of(value) < 0 || measure.of(value) >= bound;
  }

  private static Keyword atMost(String name, BsonValue operand, Measure measure) {
    long bound = count(name, operand);
    return value -> measure.of(value) <= bound;
  }

  private static Keyword allOf(List<JsonSchema> schemas) {
    return value -> schemas.stream().allMatch(s -> s.accepts(value));
  }

  private static Keyword anyOf(List<JsonSchema> schemas) {
    return value -> schemas.stream().anyMatch(s -> s.accepts(value));
  }

  private static Keyword oneOf(List<JsonSchema> schemas) {
    return value -> schemas.stream().filter(s -> s.accepts(value)).count() == 1;
  }

  private static Keyword negation(JsonSchema schema) {
    return value -> !schema.accepts(value);
  }

  private static Keyword typeKeyword(Set<BsonType> types) {
    return value -> types.contains(value.getBsonType());
  }

  private static Set<BsonType> bsonTypes(BsonValue operand) {
    Set<BsonType> types = EnumSet.noneOf(BsonType.class);
    for (BsonValue alias : operand.isArray() ? operand.asArray() : List.of(operand)) {
      if (!alias.isString()) {
        throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema keyword 'bsonType' must be a string or an array of strings");
      }
      types.addAll(TypeOperand.types(alias));
    }
    return types;
  }

  private static Set<BsonType> jsonTypes(BsonValue operand) {
    Set<BsonType> types = EnumSet.noneOf(BsonType.class);
    for (BsonValue alias : operand.isArray() ? operand.asArray() : List.of(operand)) {
      Set<BsonType> named = alias.isString() ? JSON_TYPES.get(alias.asString().getValue()) : null;
      if (named == null) {
        throw ErrorCode.BAD_VALUE.error("Unknown type name alias: " + alias);
      }
      types.addAll(named);
    }
    return types;
  }

  private static Keyword required(BsonValue operand) {
    if (!operand.isArray() || operand.asArray().isEmpty()
        || !operand.asArray().stream().allMatch(BsonValue::isString)) {
      throw ErrorCode.FAILED_TO_PARSE.error("$jsonSchema keyword 'required' must be a nonempty array of strings");
    }
    List<String> names = operand.asArray().stream().map(v -> v.asString().getValue()).toList();
    return onDocuments(document -> names.stream().allMatch(document::containsKey));
  }

  private static Keyword additionalProperties(BsonValue operand, Set<String> declared) {
    if (operand.isBoolean()) {
      return operand.asBoolean().getValue() ? null
          : onDocuments(document -> declared.containsAll(document.keySet()));
    }
    JsonSchema additional = parse(schema(operand, "additionalProperties"));
    return onDocuments(document -> document.entrySet().stream()
        .allMatch(field -> declared.contains(field.getKey()) || additional.accepts(field.getValue())));
  }

  private static Keyword bound(String name, BsonValue operand, BsonDocument schema, String exclusive, int side) {
    if (TypeBracket.of(operand) != TypeBracket.NUMBER) {
      throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema keyword '" + name + "' must be a number");
    }
    boolean strict = schema.containsKey(exclusive) && bool(exclusive, schema.get(exclusive));
    return value -> TypeBracket.of(value) != TypeBracket.NUMBER
        || Integer.signum(BsonOrder.compare(value, operand)) == side
        || !strict && BsonOrder.compare(value, operand) == 0;
  }

  private static Keyword enumeration(BsonValue operand) {
    if (!operand.isArray() || operand.asArray().isEmpty()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$jsonSchema keyword 'enum' cannot be an empty array");
    }
    return value -> operand.asArray().stream().anyMatch(allowed -> BsonOrder.equal(allowed, value));
  }

  private static Keyword pattern(BsonValue operand) {
    if (!operand.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema keyword 'pattern' must be a string");
    }
    Pattern pattern = RegexTranslator.compile(operand.asString().getValue(), "");
    return onStrings(text -> pattern.matcher(text).find());
  }

  private static Keyword items(BsonValue operand, BsonValue additionalItems) {
    if (operand.isDocument()) {
      JsonSchema each = parse(operand.asDocument());
      return onArrays(array -> array.stream().allMatch(each::accepts));
    }
    List<JsonSchema> positional = schemas("items", operand);
    Keyword rest = additionalItemsKeyword(additionalItems);
    return onArrays(array -> {
      for (int i = 0; i < array.size(); i++) {
        boolean ok = i < positional.size() ? positional.get(i).accepts(array.get(i)) : rest.accepts(array.get(i));
        if (!ok) {
          return false;
        }
      }
      return true;
    });
  }

  private static Keyword additionalItemsKeyword(BsonValue operand) {
    if (operand == null || operand.isBoolean() && operand.asBoolean().getValue()) {
      return value -> true;
    }
    if (operand.isBoolean()) {
      return value -> false;
    }
    return parse(schema(operand, "additionalItems"))::accepts;
  }

  private static boolean allDistinct(List<BsonValue> array) {
    Set<String> seen = new HashSet<>();
    return array.stream().allMatch(v -> seen.add(HexFormat.of().formatHex(KeyCodec.encode(v))));
  }

  private static List<JsonSchema> schemas(String name, BsonValue operand) {
    if (!operand.isArray() || operand.asArray().isEmpty()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$jsonSchema keyword '" + name + "' must be a nonempty array");
    }
    return operand.asArray().stream().map(s -> parse(schema(s, name))).toList();
  }

  private static BsonDocument schema(BsonValue value, String name) {
    if (!value.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema keyword '" + name + "' must be an object");
    }
    return value.asDocument();
  }

  private static BsonDocument object(BsonDocument schema, String name) {
    return schema(schema.get(name), name);
  }

  private static long count(String name, BsonValue operand) {
    if (!operand.isNumber() || operand.asNumber().doubleValue() < 0
        || operand.asNumber().doubleValue() != Math.rint(operand.asNumber().doubleValue())) {
      throw ErrorCode.FAILED_TO_PARSE.error("$jsonSchema keyword '" + name + "' must be a non-negative integer");
    }
    return operand.asNumber().longValue();
  }

  private static boolean bool(String name, BsonValue operand) {
    if (!operand.isBoolean()) {
      throw ErrorCode.TYPE_MISMATCH.error("$jsonSchema keyword '" + name + "' must be a boolean");
    }
    return operand.asBoolean().getValue();
  }

  private static Keyword onDocuments(Predicate<BsonDocument> test) {
    return value -> !value.isDocument() || test.test(value.asDocument());
  }

  private static Keyword onStrings(Predicate<String> test) {
    return value -> !value.isString() || test.test(value.asString().getValue());
  }

  private static Keyword onArrays(Predicate<List<BsonValue>> test) {
    return value -> !value.isArray() || test.test(value.asArray());
  }
}
