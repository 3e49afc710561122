package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.applyWithFilters;
import static io.tributary.engine.update.Updates.assertDocument;
import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.description;
import static io.tributary.engine.update.Updates.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.MatchResult;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class PositionalTest {
  private static MongoError filtersError(String update, String arrayFilters) {
    BsonArray filters = BsonDocument.parse("{f: " + arrayFilters + "}").getArray("f");
    return catchThrowableOfType(MongoError.class, () -> Update.parse(doc(update), filters));
  }

  @Test
  void positionalUsesTheMatchedIndex() {
    UpdateResult result = apply("{_id: 1, a: [1, 2, 3]}", "{$set: {'a.$': 9}}", new MatchResult(true, 1));
    assertDocument(result, "{_id: 1, a: [1, 9, 3]}");
    assertThat(description(result).getDocument("updatedFields").toJson()).isEqualTo("{\"a.1\": 9}");
    assertDocument(apply("{_id: 1, a: [{b: 1}, {b: 2}]}", "{$inc: {'a.$.b': 5}}", new MatchResult(true, 1)),
        "{_id: 1, a: [{b: 1}, {b: 7}]}");
  }

  @Test
  void positionalWithoutAMatchFails() {
    Update update = Update.parse(doc("{$set: {'a.$': 9}}"), null);
    MongoError error = catchThrowableOfType(MongoError.class,
        () -> update.apply(doc("{_id: 1, a: [1]}"), MatchResult.MATCH, false));
    assertError(error, 2, "BadValue", "The positional operator did not find the match needed from the query.");
  }

  @Test
  void positionalAndTheSameIndexConflict() {
    Update update = Update.parse(doc("{$set: {'a.$': 9, 'a.0': 8}}"), null);
    MongoError error = catchThrowableOfType(MongoError.class,
        () -> update.apply(doc("{_id: 1, a: [1]}"), new MatchResult(true, 0), false));
    assertError(error, 40, "ConflictingUpdateOperators", "Update created a conflict at 'a.0'");
  }

  @Test
  void allPositionalUpdatesEveryElementAndLogsTheArray() {
    UpdateResult result = apply("{_id: 1, a: [1, 2, 3]}", "{$inc: {'a.$[]': 10}}");
    assertDocument(result, "{_id: 1, a: [11, 12, 13]}");
    assertThat(description(result).getDocument("updatedFields").toJson()).isEqualTo("{\"a\": [11, 12, 13]}");
    assertDocument(apply("{_id: 1, a: [{b: [1, 2]}, {b: [3]}]}", "{$set: {'a.$[].b.$[]': 0}}"),
        "{_id: 1, a: [{b: [0, 0]}, {b: [0]}]}");
  }

  @Test
  void allPositionalOnOneModifiedElementLogsThatElement() {
    UpdateResult result = apply("{_id: 1, a: [1, 2, 3]}", "{$max: {'a.$[]': 2}}");
    assertDocument(result, "{_id: 1, a: [2, 2, 3]}");
    assertThat(description(result).getDocument("updatedFields").toJson()).isEqualTo("{\"a.0\": 2}");
  }

  @Test
  void filteredPositionalUpdatesMatchingElements() {
    UpdateResult result = applyWithFilters("{_id: 1, a: [1, 5, 2, 7]}", "{$set: {'a.$[big]': 0}}",
        "[{big: {$gt: 4}}]");
    assertDocument(result, "{_id: 1, a: [1, 0, 2, 0]}");
    assertDocument(applyWithFilters("{_id: 1, g: [{s: 1, n: 0}, {s: 9, n: 0}]}", "{$inc: {'g.$[e].n': 1}}",
        "[{'e.s': {$gte: 5}}]"), "{_id: 1, g: [{s: 1, n: 0}, {s: 9, n: 1}]}");
  }

  @Test
  void arrayFiltersAreValidated() {
    assertError(filtersError("{$set: {'a.$[x]': 1}}", "[]"), 2, "BadValue",
        "No array filter found for identifier 'x' in path 'a.$[x]'");
    assertError(filtersError("{$set: {a: 1}}", "[{x: 1}]"), 9, "FailedToParse",
        "The array filter for identifier 'x' was not used in the update { $set: { a: 1 } }");
    assertError(filtersError("{$set: {'a.$[x]': 1}}", "[{x: 1}, {x: 2}]"), 9, "FailedToParse",
        "Found multiple array filters with the same top-level field name x");
    assertError(filtersError("{$set: {'a.$[x]': 1}}", "[{}]"), 9, "FailedToParse",
        "Cannot use an expression without a top-level field name in arrayFilters");
    assertError(filtersError("{$set: {'$[x]': 1}}", "[{x: 1}]"), 2, "BadValue",
        "Cannot have array filter identifier (i.e. '$[<id>]') element in the first position in path '$[x]'");
  }

  @Test
  void arrayUpdatesNeedAnExistingArray() {
    MongoError missing = catchThrowableOfType(MongoError.class,
        () -> apply("{_id: 1}", "{$set: {'a.$[]': 1}}"));
    assertError(missing, 2, "BadValue", "The path 'a' must exist in the document in order to apply array updates.");
    MongoError scalar = catchThrowableOfType(MongoError.class,
        () -> apply("{_id: 1, a: 5}", "{$set: {'a.$[]': 1}}"));
    assertError(scalar, 2, "BadValue", "Cannot apply array updates to non-array element a: 5");
  }
}
