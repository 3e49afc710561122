package io.tributary.engine.update;

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

class PipelineUpdateTest {
  private static UpdateResult apply(String document, String pipeline) {
    return Update.parse(pipeline(pipeline), null).apply(doc(document), MatchResult.MATCH, false);
  }

  private static BsonArray pipeline(String json) {
    return BsonDocument.parse("{p: " + json + "}").getArray("p");
  }

  @Test
  void specArrayTruncation() {
    // change-streams.json "Test array truncation"
    UpdateResult result = apply("{_id: 1, a: 1, array: ['foo', {a: 'bar'}, 1, 2, 3]}",
        "[{$set: {array: ['foo', {a: 'bar'}]}}]");
    assertDocument(result, "{_id: 1, a: 1, array: ['foo', {a: 'bar'}]}");
    assertThat(result.replacement()).isFalse();
    assertThat(description(result).toJson()).isEqualTo(doc("{updatedFields: {}, removedFields: [],"
        + " truncatedArrays: [{field: 'array', newSize: 2}], disambiguatedPaths: {}}").toJson());
  }

  @Test
  void smallDocumentsAreRecordedAsReplacementsWhenTheDeltaIsNotSmaller() {
    UpdateResult result = apply("{_id: 1}", "[{$set: {x: 1}}]");
    assertDocument(result, "{_id: 1, x: 1}");
    assertThat(result.modified()).isTrue();
    assertThat(result.replacement()).isTrue();
  }

  @Test
  void unsetAndSetOnALargerDocumentGiveADelta() {
    UpdateResult result = apply("{_id: 1, name: 'a fairly long name', tags: ['one', 'two', 'three'], n: 1}",
        "[{$unset: 'n'}, {$set: {tags: ['one', 'two', 'four']}}]");
    assertThat(result.replacement()).isFalse();
    assertThat(description(result).toJson()).isEqualTo(doc("{updatedFields: {'tags.2': 'four'},"
        + " removedFields: ['n'], truncatedArrays: [], disambiguatedPaths: {}}").toJson());
  }

  @Test
  void specPipelines() {
    // crud updateOne-pipeline.json and updateMany-pipeline.json
    assertDocument(apply("{_id: 1, x: 1, y: 1, t: {u: {v: 1}}}",
        "[{$replaceRoot: {newRoot: '$t'}}, {$addFields: {foo: 1}}]"), "{_id: 1, u: {v: 1}, foo: 1}");
    assertDocument(apply("{_id: 2, x: 2, y: 1}", "[{$project: {x: 1}}, {$addFields: {foo: 1}}]"),
        "{_id: 2, x: 2, foo: 1}");
  }

  @Test
  void specDotsAndDollarsMayBeProducedByPipelines() {
    // crud updateOne-dots_and_dollars.json
    assertDocument(apply("{_id: 1, foo: {}}",
        "[{$replaceWith: {$setField: {field: {$literal: '$a'}, value: 1, input: '$$ROOT'}}}]"),
        "{_id: 1, foo: {}, '$a': 1}");
    assertDocument(apply("{_id: 1, foo: {}}",
        "[{$set: {foo: {$setField: {field: {$literal: 'a.b'}, value: 1, input: '$foo'}}}}]"),
        "{_id: 1, foo: {'a.b': 1}}");
  }

  @Test
  void anUnchangedDocumentIsANoOp() {
    assertThat(apply("{_id: 1, a: 1}", "[{$set: {a: 1}}]").modified()).isFalse();
  }

  @Test
  void theIdIsKeptAndMayNotChange() {
    assertDocument(apply("{_id: 1, a: 1}", "[{$replaceWith: {b: 2}}]"), "{_id: 1, b: 2}");
    MongoError error = catchThrowableOfType(MongoError.class,
        () -> apply("{_id: 1, a: 1}", "[{$set: {_id: 2}}]"));
    assertError(error, 66, "ImmutableField",
        "After applying the update, the (immutable) field '_id' was found to have been altered to _id: 2");
  }

  @Test
  void onlyDocumentWiseReshapingStagesAreAllowed() {
    MongoError error = catchThrowableOfType(MongoError.class, () -> Update.parse(pipeline("[{$match: {}}]"), null));
    assertError(error, 72, "InvalidOptions", "$match is not allowed to be used within an update");
    MongoError filters = catchThrowableOfType(MongoError.class,
        () -> Update.parse(pipeline("[{$set: {a: 1}}]"), pipeline("[{x: 1}]")));
    assertError(filters, 9, "FailedToParse", "arrayFilters may not be specified for pipeline-style updates");
  }
}
