package io.tributary.conformance.unified;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Matches an expected value from a test file against an actual value, following the format's
 * "Evaluating Matches" rules: root-level documents may carry extra fields, nested ones may not;
 * arrays match element by element; 32-bit, 64-bit and double numbers compare by value; and
 * special {@code $$} operators ({@code $$exists}, {@code $$type}, {@code $$unsetOrMatches},
 * {@code $$matchesEntity}, {@code $$matchesHexBytes}, {@code $$sessionLsid}, {@code $$lte},
 * {@code $$matchAsDocument}, {@code $$matchAsRoot}) replace plain comparison. A mismatch throws an
 * {@link AssertionError} naming the path. Thread-safe if its entity lookup is.
 *
 * <p>An actual value of {@code null} means "absent" (a missing field or an operation that returned
 * nothing), which only {@code $$exists: false} and {@code $$unsetOrMatches} accept.
 */
// spec: unified-test-format.md#evaluating-matches
public final class ValueMatcher {

  private static final Map<String, List<BsonType>> TYPE_ALIASES = Map.ofEntries(
      Map.entry("double", List.of(BsonType.DOUBLE)), Map.entry("string", List.of(BsonType.STRING)),
      Map.entry("object", List.of(BsonType.DOCUMENT)), Map.entry("array", List.of(BsonType.ARRAY)),
      Map.entry("binData", List.of(BsonType.BINARY)), Map.entry("undefined", List.of(BsonType.UNDEFINED)),
      Map.entry("objectId", List.of(BsonType.OBJECT_ID)), Map.entry("bool", List.of(BsonType.BOOLEAN)),
      Map.entry("date", List.of(BsonType.DATE_TIME)), Map.entry("null", List.of(BsonType.NULL)),
      Map.entry("regex", List.of(BsonType.REGULAR_EXPRESSION)),
      Map.entry("dbPointer", List.of(BsonType.DB_POINTER)),
      Map.entry("javascript", List.of(BsonType.JAVASCRIPT)), Map.entry("symbol", List.of(BsonType.SYMBOL)),
      Map.entry("javascriptWithScope", List.of(BsonType.JAVASCRIPT_WITH_SCOPE)),
      Map.entry("int", List.of(BsonType.INT32)), Map.entry("timestamp", List.of(BsonType.TIMESTAMP)),
      Map.entry("long", List.of(BsonType.INT64)), Map.entry("decimal", List.of(BsonType.DECIMAL128)),
      Map.entry("minKey", List.of(BsonType.MIN_KEY)), Map.entry("maxKey", List.of(BsonType.MAX_KEY)),
      Map.entry("number", List.of(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128)));

  private final EntityLookup entities;

  public ValueMatcher(EntityLookup entities) {
    this.entities = entities;
  }

  /** Matches {@code actual} against {@code expected}, treating a document as root-level if {@code root}. */
  public void match(BsonValue expected, BsonValue actual, boolean root) {
    match(expected, actual, root, "$");
  }

  /** Matches each element of an iterated result as a root-level document (find, aggregate…). */
  public void matchRootDocuments(BsonValue expected, BsonValue actual) {
    if (!expected.isArray()) {
      match(expected, actual, true);
      return;
    }
    assertThat(actual != null && actual.isArray(), "$", "expected an array but got " + actual);
    List<BsonValue> expectedValues = expected.asArray().getValues();
    List<BsonValue> actualValues = actual.asArray().getValues();
    assertThat(expectedValues.size() == actualValues.size(), "$",
        "expected " + expectedValues.size() + " elements but got " + actualValues.size() + ": " + actual);
    for (int i = 0; i < expectedValues.size(); i++) {
      match(expectedValues.get(i), actualValues.get(i), true, "$[" + i + "]");
    }
  }

  private void match(BsonValue expected, BsonValue actual, boolean root, String path) {
    if (isOperator(expected)) {
      matchOperator(expected.asDocument(), actual, root, path);
    } else if (expected.isDocument()) {
      matchDocument(expected.asDocument(), actual, root, path);
    } else if (expected.isArray()) {
      matchArray(expected.asArray().getValues(), actual, path);
    } else {
      assertThat(actual != null, path, "expected " + expected + " but the value is absent");
      assertThat(scalarsEqual(expected, actual), path, "expected " + expected + " but got " + actual);
    }
  }

  private void matchDocument(BsonDocument expected, BsonValue actual, boolean root, String path) {
    assertThat(actual != null && actual.isDocument(), path, "expected a document but got " + actual);
    BsonDocument actualDocument = actual.asDocument();
    for (Map.Entry<String, BsonValue> field : expected.entrySet()) {
      match(field.getValue(), actualDocument.get(field.getKey()), false, path + "." + field.getKey());
    }
    if (!root) {
      for (String key : actualDocument.keySet()) {
        assertThat(expected.containsKey(key), path, "unexpected field '" + key + "' in " + actual);
      }
    }
  }

  private void matchArray(List<BsonValue> expected, BsonValue actual, String path) {
    assertThat(actual != null && actual.isArray(), path, "expected an array but got " + actual);
    List<BsonValue> actualValues = actual.asArray().getValues();
    assertThat(expected.size() == actualValues.size(), path,
        "expected " + expected.size() + " elements but got " + actualValues.size() + ": " + actual);
    for (int i = 0; i < expected.size(); i++) {
      match(expected.get(i), actualValues.get(i), false, path + "[" + i + "]");
    }
  }

  private void matchOperator(BsonDocument operator, BsonValue actual, boolean root, String path) {
    String name = operator.getFirstKey();
    BsonValue argument = operator.get(name);
    switch (name) {
      case "$$exists" -> assertThat(argument.asBoolean().getValue() == (actual != null), path,
          argument.asBoolean().getValue() ? "expected the field to exist" : "expected no field but got " + actual);
      case "$$type" -> matchType(argument, actual, path);
      case "$$unsetOrMatches" -> {
        if (actual != null) {
          match(argument, actual, root, path);
        }
      }
      case "$$matchesEntity" -> match(entities.bsonEntity(argument.asString().getValue()), actual, root, path);
      case "$$matchesHexBytes" -> matchHexBytes(argument.asString().getValue(), actual, path);
      case "$$sessionLsid" -> assertThat(
          entities.sessionLsid(argument.asString().getValue()).equals(actual), path,
          "expected the lsid of session " + argument.asString().getValue() + " but got " + actual);
      case "$$lte" -> assertThat(actual != null && actual.isNumber() && isFinite(actual)
          && number(actual).compareTo(number(argument)) <= 0, path, "expected <= " + argument + " but got " + actual);
      case "$$matchAsDocument" -> match(argument, parseDocument(actual, path), false, path);
      case "$$matchAsRoot" -> match(argument, actual, true, path);
      case "$$placeholder" -> throw new InvalidTestFile("$$placeholder used in a matching context at " + path);
      default -> throw new UnsupportedFeature("matching operator " + name);
    }
  }

  private static void matchType(BsonValue argument, BsonValue actual, String path) {
    List<BsonValue> aliases = argument.isArray() ? argument.asArray().getValues() : List.of(argument);
    assertThat(actual != null, path, "expected a value of type " + argument + " but the value is absent");
    for (BsonValue alias : aliases) {
      List<BsonType> types = TYPE_ALIASES.get(alias.asString().getValue());
      if (types == null) {
        throw new InvalidTestFile("unknown $$type alias " + alias);
      }
      if (types.contains(actual.getBsonType())) {
        return;
      }
    }
    throw new AssertionError(path + ": expected type " + argument + " but got " + actual.getBsonType()
        + " " + actual);
  }

  private static void matchHexBytes(String hex, BsonValue actual, String path) {
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException malformed) {
      throw new InvalidTestFile("malformed $$matchesHexBytes " + hex);
    }
    assertThat(actual != null && actual.isBinary()
        && java.util.Arrays.equals(expected, actual.asBinary().getData()), path,
        "expected bytes " + hex + " but got " + actual);
  }

  private static BsonDocument parseDocument(BsonValue actual, String path) {
    assertThat(actual != null && actual.isString(), path, "expected an Extended JSON string but got " + actual);
    try {
      return BsonDocument.parse(actual.asString().getValue());
    } catch (JsonParseException | org.bson.BsonInvalidOperationException notADocument) {
      throw new AssertionError(path + ": not an Extended JSON document: " + actual.asString().getValue());
    }
  }

  /** True when the value is a document whose first and only key starts with {@code $$}. */
  static boolean isOperator(BsonValue value) {
    return value.isDocument() && value.asDocument().size() == 1
        && value.asDocument().getFirstKey().startsWith("$$");
  }

  /** Equality for non-container values, comparing int32/int64/double by numeric value. */
  public static boolean scalarsEqual(BsonValue expected, BsonValue actual) {
    if (isFlexibleNumber(expected) && isFlexibleNumber(actual) && isFinite(expected) && isFinite(actual)) {
      return number(expected).compareTo(number(actual)) == 0;
    }
    return expected.equals(actual);
  }

  private static boolean isFlexibleNumber(BsonValue value) {
    return value.isInt32() || value.isInt64() || value.isDouble();
  }

  private static boolean isFinite(BsonValue value) {
    return !value.isDouble() || Double.isFinite(value.asDouble().getValue());
  }

  private static BigDecimal number(BsonValue value) {
    return switch (value.getBsonType()) {
      case INT32 -> BigDecimal.valueOf(value.asInt32().getValue());
      case INT64 -> BigDecimal.valueOf(value.asInt64().getValue());
      case DOUBLE -> BigDecimal.valueOf(value.asDouble().getValue());
      case DECIMAL128 -> value.asDecimal128().getValue().bigDecimalValue();
      default -> throw new IllegalArgumentException("not a number: " + value);
    };
  }

  private static void assertThat(boolean condition, String path, String message) {
    if (!condition) {
      throw new AssertionError(path + ": " + message);
    }
  }

  /** Resolves the entities that {@code $$matchesEntity} and {@code $$sessionLsid} name. */
  public interface EntityLookup {
    /** The BSON value stored under {@code name}; throws {@link InvalidTestFile} if undefined or not BSON. */
    BsonValue bsonEntity(String name);

    /** The logical session id of the session entity {@code name}; throws {@link InvalidTestFile} otherwise. */
    BsonDocument sessionLsid(String name);
  }
}
