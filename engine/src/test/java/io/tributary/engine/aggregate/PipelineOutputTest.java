package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.documents;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.MergeStage.Action;
import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import io.tributary.engine.error.MongoError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** {@code $out} and {@code $merge}: parsing, placement and the per-document merge decision. */
class PipelineOutputTest {
  private final TestContext context = new TestContext();

  private Pipeline parse(String pipeline) {
    return Pipeline.parse(documents(pipeline), context);
  }

  @Test
  void outIsTheFinalStageAndRunReturnsTheDocumentsToWrite() {
    Pipeline pipeline = parse("[{$match: {_id: {$gt: 1}}}, {$out: 'other'}]");
    assertThat(pipeline.stageNames()).containsExactly("$match", "$out");
    assertThat(pipeline.isDocumentWise()).isFalse();
    assertThat(pipeline.output()).get().isInstanceOf(OutStage.class);
    assertThat(pipeline.output().get().target(context)).isEqualTo(new Namespace("test", "other"));
    assertThat(run("[{$match: {_id: {$gt: 1}}}, {$out: 'other'}]", "[{_id: 1}, {_id: 2}]"))
        .containsExactlyElementsOf(documents("[{_id: 2}]"));
    assertThat(parse("[{$out: {db: 'x', coll: 'y'}}]").output().get().target(context))
        .isEqualTo(new Namespace("x", "y"));
  }

  @Test
  void outputStagesAnywhereElseFail() {
    assertFails("[{$out: 'a'}, {$match: {}}]", "[]", 40601);
    assertFails("[{$merge: {into: 'a'}}, {$match: {}}]", "[]", 40601);
    assertFails("[{$facet: {x: [{$out: 'a'}]}}]", "[]", 40600);
    assertFails("[{$out: 1}]", "[]", 16990);
    assertFails("[{$merge: {on: '_id'}}]", "[]", 40414);
    assertFails("[{$merge: {into: 'a', whenMatched: 'nope'}}]", "[]", 2);
    assertFails("[{$merge: {into: 'a', whenNotMatched: 'nope'}}]", "[]", 2);
    assertFails("[{$merge: {into: 'a', bogus: 1}}]", "[]", 40415);
    assertFails("[{$merge: {into: 'a', whenMatched: [{$group: {_id: 1}}]}}]", "[]", 72);
  }

  @Test
  void mergeDecisions() {
    BsonDocument incoming = BsonDocument.parse("{_id: 1, a: 2}");
    BsonDocument existing = BsonDocument.parse("{_id: 1, a: 1, b: 1}");
    assertThat(merge("{into: 'a'}").resolve(incoming, existing, context))
        .isEqualTo(new Action(Action.Kind.REPLACE, BsonDocument.parse("{_id: 1, a: 2, b: 1}")));
    assertThat(merge("{into: 'a', whenMatched: 'replace'}").resolve(incoming, existing, context))
        .isEqualTo(new Action(Action.Kind.REPLACE, incoming));
    assertThat(merge("{into: 'a', whenMatched: 'keepExisting'}").resolve(incoming, existing, context).kind())
        .isEqualTo(Action.Kind.NONE);
    assertThat(merge("{into: 'a', whenMatched: 'fail'}").resolve(incoming, existing, context).kind())
        .isEqualTo(Action.Kind.INSERT);
    assertThat(merge("{into: 'a'}").resolve(incoming, null, context))
        .isEqualTo(new Action(Action.Kind.INSERT, incoming));
    assertThat(merge("{into: 'a', whenNotMatched: 'discard'}").resolve(incoming, null, context).kind())
        .isEqualTo(Action.Kind.NONE);
    assertThatThrownBy(() -> merge("{into: 'a', whenNotMatched: 'fail'}").resolve(incoming, null, context))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(13113));
  }

  @Test
  void mergeWithAPipelineSeesTheNewDocumentAndLetVariables() {
    BsonDocument incoming = BsonDocument.parse("{_id: 1, a: 2}");
    BsonDocument existing = BsonDocument.parse("{_id: 1, a: 1}");
    assertThat(merge("{into: 'a', whenMatched: [{$set: {a: {$add: ['$a', '$$new.a']}}}]}")
        .resolve(incoming, existing, context)).isEqualTo(new Action(Action.Kind.REPLACE,
            BsonDocument.parse("{_id: 1, a: 3}")));
    assertThat(merge("{into: 'a', let: {n: '$a'}, whenMatched: [{$set: {b: '$$n'}}]}")
        .resolve(incoming, existing, context)).isEqualTo(new Action(Action.Kind.REPLACE,
            BsonDocument.parse("{_id: 1, a: 1, b: 2}")));
  }

  @Test
  void mergeMatchesOnTheOnFields() {
    assertThat(merge("{into: 'a', on: ['k', 'j.x']}").matchFilter(BsonDocument.parse("{_id: 1, k: 2, j: {x: 3}}")))
        .isEqualTo(BsonDocument.parse("{k: 2, 'j.x': 3}"));
    assertThat(merge("{into: 'a'}").matchFilter(BsonDocument.parse("{_id: 7}")))
        .isEqualTo(BsonDocument.parse("{_id: 7}"));
  }

  private MergeStage merge(String spec) {
    return (MergeStage) parse("[{$merge: " + spec + "}]").output().orElseThrow();
  }
}
