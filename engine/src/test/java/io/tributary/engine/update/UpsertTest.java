package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.MatchResult;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class UpsertTest {
  private static BsonDocument seed(String update, String filter) {
    return Update.parse(doc(update), null).seedForUpsert(doc(filter));
  }

  private static BsonDocument upsert(String update, String filter) {
    Update parsed = Update.parse(doc(update), null);
    return parsed.apply(parsed.seedForUpsert(doc(filter)), MatchResult.NO_MATCH, true).document();
  }

  @Test
  void seedsFromEqualityConditionsWithIdFirst() {
    assertThat(seed("{$set: {x: 1}}", "{a: 1, b: {$eq: 2}, c: {$gt: 3}, d: /x/, _id: 5}").toJson())
        .isEqualTo(doc("{_id: 5, a: 1, b: 2}").toJson());
    assertThat(seed("{$set: {x: 1}}", "{$and: [{a: 1}, {'b.c': 2}], e: {$in: [4]}, 'b.d': 3}").toJson())
        .isEqualTo(doc("{a: 1, b: {c: 2, d: 3}, e: 4}").toJson());
    assertThat(seed("{$set: {x: 1}}", "{z: 1, 'b.y': 2, 'b.x': 3}").toJson())
        .isEqualTo(doc("{b: {x: 3, y: 2}, z: 1}").toJson());
    assertThat(seed("{$set: {x: 1}}", "{a: {b: 1}, f: [1, 2]}").toJson()).isEqualTo(doc("{a: {b: 1}, f: [1, 2]}").toJson());
  }

  @Test
  void replacementSeedsOnlyTheId() {
    assertThat(seed("{x: 1}", "{_id: 3, a: 1}").toJson()).isEqualTo(doc("{_id: 3}").toJson());
    assertThat(upsert("{x: 1}", "{_id: 3, a: 1}").toJson()).isEqualTo(doc("{_id: 3, x: 1}").toJson());
  }

  @Test
  void theUpdateAppliesOverTheSeedAndAnIdIsGenerated() {
    BsonDocument inserted = upsert("{$set: {'a.c': 2}, $inc: {n: 1}}", "{'a.b': 1}");
    assertThat(inserted.getFirstKey()).isEqualTo("_id");
    assertThat(inserted.get("_id").isObjectId()).isTrue();
    inserted.remove("_id");
    assertThat(inserted.toJson()).isEqualTo(doc("{a: {b: 1, c: 2}, n: 1}").toJson());
  }

  @Test
  void theIdMayBeSetWhenInserting() {
    assertThat(upsert("{$set: {_id: 9, b: 1}}", "{a: 1}").toJson()).isEqualTo(doc("{_id: 9, a: 1, b: 1}").toJson());
  }

  @Test
  void theIdFromTheFilterIsImmutable() {
    Update set = Update.parse(doc("{$set: {_id: 2}}"), null);
    assertError(catchThrowableOfType(MongoError.class,
        () -> set.apply(set.seedForUpsert(doc("{_id: 1}")), MatchResult.NO_MATCH, true)), 66, "ImmutableField",
        "Updating the path '_id' to _id: 2 would modify the immutable field '_id'");
    Update replace = Update.parse(doc("{_id: 2, a: 1}"), null);
    assertError(catchThrowableOfType(MongoError.class,
        () -> replace.apply(replace.seedForUpsert(doc("{_id: 1}")), MatchResult.NO_MATCH, true)), 66,
        "ImmutableField", "After applying the update, the (immutable) field '_id' was found to have been altered to"
            + " _id: 2");
  }

  @Test
  void insertedDocumentsMayHaveTopLevelDollarFieldsButNotAnArrayId() {
    assertThat(upsert("{$set: {'$x': 1}}", "{_id: 1}").toJson()).isEqualTo(doc("{_id: 1, '$x': 1}").toJson());
    Update update = Update.parse(doc("{$set: {_id: [1]}}"), null);
    assertError(catchThrowableOfType(MongoError.class,
        () -> update.apply(update.seedForUpsert(doc("{}")), MatchResult.NO_MATCH, true)), 53, "InvalidIdField",
        "The '_id' value cannot be of type array");
  }

  @Test
  void conflictingEqualitiesCannotBeSeeded() {
    Update update = Update.parse(doc("{$set: {x: 1}}"), null);
    assertError(catchThrowableOfType(MongoError.class, () -> update.seedForUpsert(doc("{$and: [{a: 1}, {a: 2}]}"))),
        54, "NotSingleValueField", "cannot infer query fields to set, path 'a' is matched twice");
    assertError(catchThrowableOfType(MongoError.class, () -> update.seedForUpsert(doc("{a: 1, 'a.b': 2}"))),
        54, "NotSingleValueField", "cannot infer query fields to set, both paths 'a.b' and 'a' are matched");
    assertError(catchThrowableOfType(MongoError.class, () -> update.seedForUpsert(doc("{'a.b': 2, a: 1}"))),
        28, "PathNotViable", "cannot use the part (a of a.b) to traverse the element ({a: 1})");
    assertThat(update.seedForUpsert(doc("{'a.c': 2, a: {x: 1}}")).toJson()).isEqualTo(doc("{a: {x: 1, c: 2}}").toJson());
  }

  @Test
  void positionalCannotBeUsedWhenInserting() {
    Update update = Update.parse(doc("{$set: {'a.$': 1}}"), null);
    MongoError error = catchThrowableOfType(MongoError.class,
        () -> update.apply(update.seedForUpsert(doc("{a: 1}")), MatchResult.NO_MATCH, true));
    assertError(error, 2, "BadValue", "The positional operator did not find the match needed from the query.");
  }
}
