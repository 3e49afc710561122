package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.applyError;
import static io.tributary.engine.update.Updates.assertDocument;
import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.doc;
import static io.tributary.engine.update.Updates.fixedClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.query.MatchResult;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class ReplacementUpdateTest {
  @Test
  void keepsTheOriginalIdFirst() {
    UpdateResult result = apply("{_id: 1, a: 1, b: 2}", "{c: 3}");
    assertDocument(result, "{_id: 1, c: 3}");
    assertThat(result.modified()).isTrue();
    assertThat(result.replacement()).isTrue();
    assertThat(result.description()).isEqualTo(UpdateDescription.empty());
  }

  @Test
  void anIdInTheReplacementStaysWhereItIs() {
    assertDocument(apply("{_id: 1, a: 1}", "{a: 2, _id: 1}"), "{a: 2, _id: 1}");
    assertDocument(apply("{_id: 1, a: 1}", "{a: 2, _id: 1.0}"), "{a: 2, _id: 1.0}");
  }

  @Test
  void anIdenticalReplacementIsANoOp() {
    assertThat(apply("{_id: 1, a: 1}", "{_id: 1, a: 1}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 1}", "{a: 1}").modified()).isTrue();
  }

  @Test
  void emptyReplacementLeavesOnlyTheId() {
    assertDocument(apply("{_id: 1, a: 1}", "{}"), "{_id: 1}");
  }

  @Test
  void dottedFieldNamesAreAllowed() {
    assertDocument(apply("{_id: 1}", "{'a.b': 1}"), "{_id: 1, 'a.b': 1}");
  }

  @Test
  void changingTheIdIsImmutableField() {
    assertError(applyError("{_id: 1, a: 1}", "{_id: 2, a: 1}"), 66, "ImmutableField",
        "After applying the update, the (immutable) field '_id' was found to have been altered to _id: 2");
  }

  @Test
  void dollarPrefixedTopLevelFieldsAreRefused() {
    assertError(applyError("{_id: 1}", "{a: 1, $set: {b: 1}}"), 52, "DollarPrefixedFieldName",
        "The dollar ($) prefixed field '$set' in '$set' is not allowed in the context of an update's replacement"
            + " document. Consider using an aggregation pipeline with $replaceWith.");
  }

  @Test
  void emptyTopLevelTimestampsGetTheClusterTime() {
    PipelineContext clock = fixedClock(new BsonDateTime(0), new BsonTimestamp(42, 3));
    BsonDocument replacement = Update.parse(doc("{t: Timestamp(0, 0), n: {t: Timestamp(0, 0)}}"), null, clock)
        .apply(doc("{_id: 1}"), MatchResult.MATCH, false).document();
    assertThat(replacement.get("t")).isEqualTo(new BsonTimestamp(42, 3));
    assertThat(replacement.getDocument("n").get("t")).isEqualTo(new BsonTimestamp(0, 0));
  }

  @Test
  void anArrayIdIsInvalid() {
    assertError(applyError("{_id: 1}", "{_id: [1]}"), 53, "InvalidIdField",
        "The '_id' value cannot be of type array");
  }
}
