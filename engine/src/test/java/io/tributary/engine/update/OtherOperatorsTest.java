package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.applyError;
import static io.tributary.engine.update.Updates.assertDocument;
import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.description;
import static io.tributary.engine.update.Updates.doc;
import static io.tributary.engine.update.Updates.fixedClock;
import static io.tributary.engine.update.Updates.parseError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.query.MatchResult;
import org.bson.BsonDateTime;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class OtherOperatorsTest {
  /** A fixed clock for $currentDate. */
  private static final PipelineContext FIXED_CLOCK =
      fixedClock(new BsonDateTime(1_700_000_000_000L), new BsonTimestamp(1_700_000_000, 7));

  @Test
  void minAndMaxCompareAcrossTypes() {
    assertDocument(apply("{_id: 1, a: 5}", "{$min: {a: 3}}"), "{_id: 1, a: 3}");
    assertThat(apply("{_id: 1, a: 5}", "{$min: {a: 7}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 5}", "{$max: {a: 5.0}}").modified()).isFalse();
    assertDocument(apply("{_id: 1, a: 5}", "{$max: {a: 'x'}}"), "{_id: 1, a: 'x'}");
    assertDocument(apply("{_id: 1}", "{$max: {a: 1}}"), "{_id: 1, a: 1}");
  }

  @Test
  void renameMovesTheValueAndRemovesTheSource() {
    UpdateResult result = apply("{_id: 1, a: 1, b: {c: 2}}", "{$rename: {a: 'z', 'b.c': 'b.d'}}");
    assertDocument(result, "{_id: 1, b: {d: 2}, z: 1}");
    assertThat(description(result).toJson()).isEqualTo(doc("{updatedFields: {z: 1, 'b.d': 2},"
        + " removedFields: ['a', 'b.c'], truncatedArrays: [], disambiguatedPaths: {}}").toJson());
    assertThat(apply("{_id: 1}", "{$rename: {a: 'b'}}").modified()).isFalse();
  }

  @Test
  void renameErrors() {
    assertError(parseError("{$rename: {a: 1}}"), 2, "BadValue", "The 'to' field for $rename must be a string: a: 1");
    assertError(parseError("{$rename: {a: 'a'}}"), 2, "BadValue",
        "The source and target field for $rename must differ: a: \"a\"");
    assertError(parseError("{$rename: {a: 'a.b'}}"), 2, "BadValue",
        "The source and target field for $rename must not be on the same path: a: \"a.b\"");
    assertError(parseError("{$rename: {'a.$': 'b'}}"), 2, "BadValue",
        "The source field for $rename may not be dynamic: a.$");
    assertError(parseError("{$rename: {a: 'b'}, $set: {b: 1}}"), 40, "ConflictingUpdateOperators",
        "Updating the path 'b' would create a conflict at 'b'");
    assertError(applyError("{_id: 1, a: [{b: 1}]}", "{$rename: {'a.0.b': 'c'}}"), 2, "BadValue",
        "The source field cannot be an array element, 'a.0.b' in doc with _id: 1 has an array field called 'a'");
    assertError(applyError("{_id: 1, a: 1}", "{$rename: {'a.b': 'c'}}"), 28, "PathNotViable",
        "cannot use the part (a of a.b) to traverse the element ({a: 1})");
    assertError(applyError("{_id: 1, a: 2}", "{$rename: {a: '_id'}}"), 66, "ImmutableField",
        "Updating the path '_id' to _id: 2 would modify the immutable field '_id'");
  }

  @Test
  void currentDateUsesTheContextClock() {
    Update update = Update.parse(doc("{$currentDate: {d: true, t: {$type: 'timestamp'}, e: {$type: 'date'}}}"),
        null, FIXED_CLOCK);
    UpdateResult result = update.apply(doc("{_id: 1, d: 1}"), MatchResult.MATCH, false);
    assertThat(result.document().get("d")).isEqualTo(new BsonDateTime(1_700_000_000_000L));
    assertThat(result.document().get("e")).isEqualTo(new BsonDateTime(1_700_000_000_000L));
    assertThat(result.document().get("t")).isEqualTo(new BsonTimestamp(1_700_000_000, 7));
  }

  @Test
  void currentDateErrors() {
    assertError(parseError("{$currentDate: {d: 1}}"), 2, "BadValue", "int is not valid type for $currentDate."
        + " Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).");
    assertError(parseError("{$currentDate: {d: {$type: 'x'}}}"), 2, "BadValue",
        "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}");
    assertError(parseError("{$currentDate: {d: {x: 1}}}"), 2, "BadValue", "Unrecognized $currentDate option: x");
  }

  @Test
  void bitAppliesOperationsInOrder() {
    assertDocument(apply("{_id: 1, a: 13}", "{$bit: {a: {and: 10}}}"), "{_id: 1, a: 8}");
    assertDocument(apply("{_id: 1, a: 1}", "{$bit: {a: {or: {$numberLong: '4'}, xor: 1}}}"),
        "{_id: 1, a: {$numberLong: '4'}}");
    assertDocument(apply("{_id: 1}", "{$bit: {a: {or: 5}}}"), "{_id: 1, a: 5}");
    assertThat(apply("{_id: 1, a: 5}", "{$bit: {a: {or: 1}}}").modified()).isFalse();
  }

  @Test
  void bitErrors() {
    assertError(parseError("{$bit: {a: 1}}"), 2, "BadValue",
        "The $bit modifier is not compatible with a int. You must pass in an embedded document:"
            + " {$bit: {field: {and/or/xor: #}}");
    assertError(parseError("{$bit: {a: {nand: 1}}}"), 2, "BadValue",
        "The $bit modifier only supports 'and', 'or', and 'xor', not 'nand' which is an unknown operator: {nand: 1}");
    assertError(parseError("{$bit: {a: {and: 1.0}}}"), 2, "BadValue",
        "The $bit modifier field must be an Integer(32/64 bit); a 'double' is not supported here: {and: 1.0}");
    assertError(applyError("{_id: 1, a: 1.5}", "{$bit: {a: {and: 1}}}"), 2, "BadValue",
        "Cannot apply $bit to a value of non-integral type._id: 1 has the field a of non-integer type double");
  }

  @Test
  void setOnInsertOnlyAppliesToUpsertInserts() {
    assertThat(apply("{_id: 1}", "{$setOnInsert: {a: 1}}").modified()).isFalse();
    Update update = Update.parse(doc("{$setOnInsert: {a: 1}, $set: {b: 2}}"), null);
    UpdateResult inserted = update.apply(update.seedForUpsert(doc("{_id: 7}")), MatchResult.NO_MATCH, true);
    assertDocument(inserted, "{_id: 7, a: 1, b: 2}");
  }
}
