package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.documents;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** {@code $match $project $addFields $set $unset $replaceRoot $replaceWith $redact} and pipeline parsing. */
class DocumentStagesTest {
  @Test
  void matchFilters() {
    assertOutput("[{$match: {a: 1}}]", "[{_id: 1, a: 1}, {_id: 2, a: 2}]", "[{_id: 1, a: 1}]");
    assertFails("[{$match: 1}]", "[]", 15959);
  }

  @Test
  void inclusionProjection() {
    assertOutput("[{$project: {b: 1, a: 1}}]", "[{_id: 1, a: 1, b: 2, c: 3}]", "[{_id: 1, a: 1, b: 2}]");
    assertOutput("[{$project: {_id: 0, a: 1}}]", "[{_id: 1, a: 1, b: 2}]", "[{a: 1}]");
    assertOutput("[{$project: {'a.b': 1}}]", "[{_id: 1, a: [{b: 1, c: 2}, 5, {c: 3}, [{b: 4}]]}]",
        "[{_id: 1, a: [{b: 1}, {}, [{b: 4}]]}]");
    assertOutput("[{$project: {a: {b: true}}}]", "[{_id: 1, a: {b: 1, c: 2}}]", "[{_id: 1, a: {b: 1}}]");
    assertOutput("[{$project: {c: '$a', b: 1}}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, b: 2, c: 1}]");
    assertOutput("[{$project: {c: {$add: ['$a', 1]}, d: 'lit', e: '$missing'}}]", "[{_id: 1, a: 1}]",
        "[{_id: 1, c: 2, d: 'lit'}]");
    assertOutput("[{$project: {'x.y': '$a'}}]", "[{_id: 1, a: 1, x: [1, {z: 1}]}]",
        "[{_id: 1, x: [{y: 1}]}]");
    assertOutput("[{$project: {_id: '$a'}}]", "[{_id: 1, a: 7}]", "[{_id: 7}]");
    assertOutput("[{$project: {_id: 1}}]", "[{_id: 1, a: 7}]", "[{_id: 1}]");
  }

  @Test
  void exclusionProjection() {
    assertOutput("[{$project: {a: 0}}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, b: 2}]");
    assertOutput("[{$project: {_id: 0}}]", "[{_id: 1, a: 1}]", "[{a: 1}]");
    assertOutput("[{$project: {'a.b': 0}}]", "[{_id: 1, a: [{b: 1, c: 2}, 5]}]", "[{_id: 1, a: [{c: 2}, 5]}]");
    assertOutput("[{$unset: 'a'}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, b: 2}]");
    assertOutput("[{$unset: ['a', 'b.c']}]", "[{_id: 1, a: 1, b: {c: 1, d: 1}}]", "[{_id: 1, b: {d: 1}}]");
  }

  @Test
  void projectionErrors() {
    assertThat(assertFails("[{$project: {a: 1, b: 0}}]", "[]", 31254))
        .isEqualTo("Invalid $project :: caused by :: Cannot do exclusion on field b in inclusion projection");
    assertFails("[{$project: {a: 0, b: 1}}]", "[]", 31253);
    assertFails("[{$project: {a: 0, b: '$x'}}]", "[]", 31252);
    assertFails("[{$project: {a: 1, 'a.b': 1}}]", "[]", 31250);
    assertFails("[{$project: {}}]", "[]", 51272);
    assertFails("[{$project: 1}]", "[]", 15969);
    assertFails("[{$project: {$a: 1}}]", "[]", 16410);
    assertFails("[{$unset: []}]", "[]", 31119);
    assertFails("[{$unset: {a: 1}}]", "[]", 31002);
    assertFails("[{$unset: [1]}]", "[]", 31120);
  }

  @Test
  void addFieldsAndSet() {
    assertOutput("[{$addFields: {c: {$add: ['$a', '$b']}}}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, a: 1, b: 2, c: 3}]");
    assertOutput("[{$set: {a: 5, 'b.c': 1}}]", "[{_id: 1, a: 1, b: {d: 2}}]", "[{_id: 1, a: 5, b: {d: 2, c: 1}}]");
    assertOutput("[{$set: {b: {c: true}}}]", "[{_id: 1, b: [{d: 1}, 2]}]", "[{_id: 1, b: [{d: 1, c: true}, {c: true}]}]");
    assertOutput("[{$set: {a: '$$REMOVE'}}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, b: 2}]");
    assertOutput("[{$set: {e: {}}}]", "[{_id: 1}]", "[{_id: 1, e: {}}]");
    assertFails("[{$set: 1}]", "[]", 40272);
  }

  @Test
  void replaceRootAndReplaceWith() {
    assertOutput("[{$replaceRoot: {newRoot: '$a'}}]", "[{_id: 1, a: {x: 1}}]", "[{x: 1}]");
    assertOutput("[{$replaceWith: {$mergeObjects: [{z: 0}, '$a']}}]", "[{_id: 1, a: {x: 1}}]", "[{z: 0, x: 1}]");
    assertThat(assertFails("[{$replaceRoot: {newRoot: '$a'}}]", "[{_id: 1}]", 40228)).isEqualTo(
        "'newRoot' expression must evaluate to an object, but resulting value was: MISSING. Type of resulting "
            + "value: 'missing'. Input document: {_id: 1}");
    assertFails("[{$replaceWith: '$a'}]", "[{_id: 1, a: 1}]", 40228);
    assertFails("[{$replaceRoot: {}}]", "[]", 40414);
    assertFails("[{$replaceRoot: {newRoot: '$a', x: 1}}]", "[]", 40415);
  }

  @Test
  void redact() {
    String pipeline = "[{$redact: {$cond: [{$eq: [{$ifNull: ['$level', 0]}, 5]}, '$$PRUNE', '$$DESCEND']}}]";
    assertOutput(pipeline, "[{_id: 1, a: {level: 5, x: 1}, b: [{level: 5}, {level: 1, y: 2}, 3], c: 1}]",
        "[{_id: 1, b: [{level: 1, y: 2}, 3], c: 1}]");
    assertOutput(pipeline, "[{_id: 1, level: 5}]", "[]");
    assertOutput("[{$redact: '$$KEEP'}]", "[{_id: 1}]", "[{_id: 1}]");
    assertFails("[{$redact: 'x'}]", "[{_id: 1}]", 17053);
  }

  @Test
  void pipelineParsing() {
    assertThat(assertFails("[{$foo: 1}]", "[]", 40324)).isEqualTo("Unrecognized pipeline stage name: '$foo'");
    assertFails("[{$match: {}, $project: {a: 1}}]", "[]", 40323);
    assertFails("[{}]", "[]", 40323);
    assertFails("[{$match: {}}, {$changeStream: {}}]", "[]", 40602);
  }

  @Test
  void documentWisePipelinesApplyToSingleDocuments() {
    TestContext context = new TestContext();
    Pipeline pipeline = Pipeline.parse(documents("[{$match: {a: 1}}, {$set: {b: '$$NOW'}}, {$unset: 'a'}]"), context);
    assertThat(pipeline.stageNames()).containsExactly("$match", "$set", "$unset");
    assertThat(pipeline.isDocumentWise()).isTrue();
    assertThat(pipeline.applyTo(BsonDocument.parse("{_id: 1, a: 1}"), context))
        .isEqualTo(BsonDocument.parse("{_id: 1, b: {$date: 1700000000000}}"));
    assertThat(pipeline.applyTo(BsonDocument.parse("{_id: 2, a: 2}"), context)).isNull();
  }

  @Test
  void letVariablesAreVisible() {
    TestContext context = new TestContext().let("{x: 'foo', y: {$add: [1, 2]}}");
    assertThat(PipelineAssertions.run("[{$project: {_id: 0, x: '$$x', y: '$$y'}}]", "[{_id: 1}]", context))
        .containsExactly(BsonDocument.parse("{x: 'foo', y: 3}"));
  }

  @Test
  void matchExpressionsSeeTheRunVariablesAtAnyDepth() {
    TestContext context = new TestContext().let("{x: 2}");
    assertThat(PipelineAssertions.run("[{$match: {$or: [{$expr: {$eq: ['$a', '$$x']}}, {b: 1}]}},"
        + " {$match: {$expr: {$lt: ['$d', '$$NOW']}}}]",
        "[{_id: 1, a: 2, d: {$date: 0}}, {_id: 2, a: 3, d: {$date: 0}}, {_id: 3, b: 1, d: {$date: 0}},"
            + " {_id: 4, a: 2, d: {$date: 1800000000000}}]", context))
        .extracting(document -> document.getInt32("_id").getValue()).containsExactly(1, 3);
    assertFails("[{$match: {$and: [{$expr: '$$y'}]}}]", "[]", 17276);
  }

  @Test
  void inputDocumentsAreNotModified() {
    java.util.List<BsonDocument> input = documents("[{_id: 1, a: {b: 1}, c: [{d: 1}]}]");
    BsonDocument copy = input.get(0).clone();
    TestContext context = new TestContext();
    Pipeline.parse(documents("[{$set: {'a.x': 1, 'c.e': 2}}, {$unset: 'a.b'}]"), context)
        .run(input.iterator(), context).forEachRemaining(d -> { });
    assertThat(input.get(0)).isEqualTo(copy);
  }
}
