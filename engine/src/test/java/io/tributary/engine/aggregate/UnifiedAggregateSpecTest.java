package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The pipelines of {@code specs/crud/tests/unified/aggregate*.json} run as unit tests on their initial data (the
 * wire-level parts, batching and comments, are the conformance runner's business).
 */
class UnifiedAggregateSpecTest {
  private static final String COLL0 = "[{_id: 1, x: 11}, {_id: 2, x: 22}, {_id: 3, x: 33}, {_id: 4, x: 44},"
      + " {_id: 5, x: 55}, {_id: 6, x: 66}]";
  private static final String AFTER_FIRST = "[{_id: 2, x: 22}, {_id: 3, x: 33}, {_id: 4, x: 44}, {_id: 5, x: 55},"
      + " {_id: 6, x: 66}]";

  @Test
  void aggregateMatch() {
    assertOutput("[{$match: {_id: {$gt: 1}}}]", COLL0, AFTER_FIRST);
  }

  @Test
  void aggregateWithMultipleStages() {
    assertOutput("[{$sort: {x: 1}}, {$match: {_id: {$gt: 1}}}]", COLL0, AFTER_FIRST);
  }

  @Test
  void aggregateWithLetOption() {
    TestContext context = new TestContext()
        .let("{id: 1, x: 'foo', y: {$literal: '$bar'}, rand: {$rand: {}}}");
    List<BsonDocument> output = run("[{$match: {$expr: {$eq: ['$_id', '$$id']}}},"
        + " {$project: {_id: 0, x: '$$x', y: '$$y', rand: '$$rand'}}]", "[{_id: 1}, {_id: 2}]", context);
    assertThat(output).hasSize(1);
    assertThat(output.get(0).getString("x").getValue()).isEqualTo("foo");
    assertThat(output.get(0).getString("y").getValue()).isEqualTo("$bar");
    assertThat(output.get(0).get("rand").isDouble()).isTrue();
  }

  @Test
  void dbAggregateTail() {
    // db-aggregate.json: [{$listLocalSessions: {}}, {$limit: 1}, {$addFields: {dummy: 'dummy field'}},
    // {$project: {_id: 0, dummy: 1}}] with $documents standing in for the sessions.
    assertOutput("[{$documents: [{_id: {id: 1}}, {_id: {id: 2}}]}, {$limit: 1}, {$addFields: {dummy: 'dummy field'}},"
        + " {$project: {_id: 0, dummy: 1}}]", "[]", "[{dummy: 'dummy field'}]");
  }
}
