package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class ValueMatcherTest {

  private final Entities entities = new Entities();
  private final ValueMatcher matcher = new ValueMatcher(entities);

  private static BsonValue json(String value) {
    return BsonDocument.parse("{v: " + value + "}").get("v");
  }

  private void matches(String expected, String actual, boolean root) {
    assertThatCode(() -> matcher.match(json(expected), json(actual), root)).doesNotThrowAnyException();
  }

  private void mismatches(String expected, String actual, boolean root) {
    assertThatThrownBy(() -> matcher.match(json(expected), json(actual), root)).isInstanceOf(AssertionError.class);
  }

  @Test
  void rootDocumentsMayHaveExtraFieldsButNestedOnesMayNot() {
    matches("{x: 1}", "{x: 1, y: 1}", true);
    mismatches("{x: 1}", "{x: 1, y: 1}", false);
    mismatches("{x: {y: 1}}", "{x: {y: 1, z: 1}}", true);
    mismatches("{x: 1, y: 1}", "{x: 1}", true);
  }

  @Test
  void keyOrderDoesNotMatterButArrayLengthAndOrderDo() {
    matches("{x: 1, y: 1}", "{y: 1, x: 1}", false);
    mismatches("[1, 2, 3]", "[1, 2, 3, 4]", false);
    mismatches("[1, 2]", "[2, 1]", false);
  }

  @Test
  void numbersCompareByValueAcrossInt32Int64AndDouble() {
    matches("1", "{$numberLong: '1'}", false);
    matches("1", "1.0", false);
    mismatches("1", "1.5", false);
    mismatches("1", "'1'", false);
    mismatches("{$numberDecimal: '1'}", "1", false);
  }

  @Test
  void existsChecksPresenceOnly() {
    matches("{a: {$$exists: true}}", "{a: null}", false);
    mismatches("{a: {$$exists: true}}", "{}", false);
    matches("{a: {$$exists: false}}", "{}", false);
    mismatches("{a: {$$exists: false}}", "{a: 1}", true);
  }

  @Test
  void typeAcceptsAliasesAndLists() {
    matches("{$$type: ['int', 'long']}", "{$numberLong: '5'}", false);
    matches("{$$type: 'number'}", "2.5", false);
    matches("{$$type: 'array'}", "[1, 'a']", false);
    mismatches("{$$type: 'string'}", "1", false);
    mismatches("{a: {$$type: 'int'}}", "{}", false);
  }

  @Test
  void unsetOrMatchesAcceptsAbsenceOrAMatch() {
    matches("{a: {$$unsetOrMatches: 1}}", "{}", false);
    matches("{a: {$$unsetOrMatches: 1}}", "{a: 1}", false);
    mismatches("{a: {$$unsetOrMatches: 1}}", "{a: 2}", false);
    assertThatCode(() -> matcher.match(json("{$$unsetOrMatches: {n: 1}}"), null, true)).doesNotThrowAnyException();
  }

  @Test
  void unsetOrMatchesKeepsRootLevelLeniency() {
    matches("{$$unsetOrMatches: {n: 1}}", "{n: 1, extra: 2}", true);
  }

  @Test
  void lteComparesNumbersFlexibly() {
    matches("{$$lte: 5}", "5.0", false);
    matches("{$$lte: 1}", "0.0", false);
    mismatches("{$$lte: 1}", "1.1", false);
    mismatches("{$$lte: 1}", "'a'", false);
  }

  @Test
  void matchesEntityAndSessionLsidResolveEntities() {
    entities.put("id0", new BsonInt32(7));
    matches("{$$matchesEntity: 'id0'}", "7", false);
    mismatches("{$$matchesEntity: 'id0'}", "8", false);
    assertThatThrownBy(() -> matcher.match(json("{$$matchesEntity: 'nope'}"), json("1"), false))
        .isInstanceOf(InvalidTestFile.class);
    assertThatThrownBy(() -> matcher.match(json("{$$sessionLsid: 'id0'}"), json("1"), false))
        .isInstanceOf(InvalidTestFile.class);
  }

  @Test
  void matchesHexBytesComparesBinaryData() {
    matches("{$$matchesHexBytes: '12ab'}", "{$binary: {base64: 'Eqs=', subType: '00'}}", false);
    mismatches("{$$matchesHexBytes: '12ac'}", "{$binary: {base64: 'Eqs=', subType: '00'}}", false);
    assertThatThrownBy(() -> matcher.match(json("{$$matchesHexBytes: 'xyz'}"), json("1"), false))
        .isInstanceOf(InvalidTestFile.class);
  }

  @Test
  void matchAsDocumentParsesExtendedJsonStrictly() {
    matches("{$$matchAsDocument: {x: 1}}", "'{\"x\": {\"$numberLong\": \"1\"}}'", false);
    mismatches("{$$matchAsDocument: {x: 1}}", "'{\"x\": 1, \"y\": 2}'", false);
    mismatches("{$$matchAsDocument: {x: 1}}", "'[1]'", false);
    mismatches("{$$matchAsDocument: {x: 1}}", "'not json'", false);
    matches("{$$matchAsDocument: {$$matchAsRoot: {x: 1}}}", "'{\"x\": 1, \"y\": 2}'", false);
  }

  @Test
  void matchAsRootAllowsExtraFieldsInANestedDocument() {
    matches("{a: {$$matchAsRoot: {x: 1}}}", "{a: {x: 1, y: 2}}", false);
    mismatches("{a: {$$matchAsRoot: {x: {y: 3}}}}", "{a: {x: {y: 2, z: 3}}}", false);
  }

  @Test
  void unknownOperatorsAndPlaceholdersAreErrorsOfTheRunnerOrFile() {
    assertThatThrownBy(() -> matcher.match(json("{$$bogus: 1}"), json("1"), false))
        .isInstanceOf(UnsupportedFeature.class);
    assertThatThrownBy(() -> matcher.match(json("{$$placeholder: 1}"), json("1"), false))
        .isInstanceOf(InvalidTestFile.class);
  }

  @Test
  void iteratedResultsMatchEachElementAsARootDocument() {
    assertThatCode(() -> matcher.matchRootDocuments(json("[{x: 1}, {x: 2}]"), json("[{x: 1, y: 1}, {x: 2, y: 2}]")))
        .doesNotThrowAnyException();
    mismatches("[{x: 1}, {x: 2}]", "[{x: 1, y: 1}, {x: 2, y: 2}]", true);
  }
}
