package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.documents;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import org.junit.jupiter.api.Test;

class LookupAndFacetTest {
  private final TestContext context = new TestContext()
      .with("inventory", "[{_id: 1, sku: 'a', stock: 5}, {_id: 2, sku: 'b', stock: 0}, {_id: 3, sku: null},"
          + " {_id: 4}]");

  @Test
  void lookupByLocalAndForeignField() {
    assertThat(run("[{$lookup: {from: 'inventory', localField: 'item', foreignField: 'sku', as: 'docs'}}]",
        "[{_id: 10, item: 'a'}, {_id: 11, item: ['a', 'b']}, {_id: 12}]", context)).containsExactlyElementsOf(
        documents("[{_id: 10, item: 'a', docs: [{_id: 1, sku: 'a', stock: 5}]},"
            + " {_id: 11, item: ['a', 'b'], docs: [{_id: 1, sku: 'a', stock: 5}, {_id: 2, sku: 'b', stock: 0}]},"
            + " {_id: 12, docs: [{_id: 3, sku: null}, {_id: 4}]}]"));
  }

  @Test
  void lookupWithLetAndPipeline() {
    assertThat(run("[{$lookup: {from: 'inventory', let: {wanted: '$item', min: '$min'}, pipeline: ["
        + "{$match: {$expr: {$and: [{$eq: ['$sku', '$$wanted']}, {$gte: ['$stock', '$$min']}]}}},"
        + "{$project: {_id: 0, stock: 1}}], as: 'docs'}}]",
        "[{_id: 10, item: 'a', min: 1}, {_id: 11, item: 'b', min: 1}]", context)).containsExactlyElementsOf(
        documents("[{_id: 10, item: 'a', min: 1, docs: [{stock: 5}]}, {_id: 11, item: 'b', min: 1, docs: []}]"));
  }

  @Test
  void lookupWithoutFromReadsDocuments() {
    assertThat(run("[{$lookup: {pipeline: [{$documents: [{x: 1}]}], as: 'd'}}]", "[{_id: 1}]", context))
        .containsExactlyElementsOf(documents("[{_id: 1, d: [{x: 1}]}]"));
  }

  @Test
  void lookupErrors() {
    assertFails("[{$lookup: {from: 'x', localField: 'a', foreignField: 'b'}}]", "[]", 9);
    assertFails("[{$lookup: {from: 'x', localField: 'a', as: 'b'}}]", "[]", 9);
    assertFails("[{$lookup: {from: 'x', as: 'b', bogus: 1}}]", "[]", 9);
    assertFails("[{$lookup: {from: 'x', pipeline: [{$match: {$expr: '$$v'}}], as: 'b'}}]", "[]", 17276);
  }

  @Test
  void facetRunsEachPipelineOverTheSameInput() {
    assertOutput("[{$facet: {count: [{$count: 'n'}], top: [{$sort: {v: -1}}, {$limit: 1}, {$project: {_id: 0}}]}}]",
        "[{_id: 1, v: 1}, {_id: 2, v: 3}, {_id: 3, v: 2}]", "[{count: [{n: 3}], top: [{v: 3}]}]");
    assertOutput("[{$facet: {all: [{$match: {}}]}}]", "[]", "[{all: []}]");
    assertFails("[{$facet: {a: 1}}]", "[]", 40170);
    assertFails("[{$facet: {a: []}}]", "[]", 40171);
    assertFails("[{$facet: {a: [{$facet: {b: [{$match: {}}]}}]}}]", "[]", 40600);
    assertFails("[{$facet: {}}]", "[]", 40169);
  }

  @Test
  void unionWithAppendsAnotherCollection() {
    assertThat(run("[{$unionWith: {coll: 'inventory', pipeline: [{$match: {stock: {$gt: 0}}}]}}]", "[{_id: 'x'}]",
        context)).containsExactlyElementsOf(documents("[{_id: 'x'}, {_id: 1, sku: 'a', stock: 5}]"));
    assertThat(run("[{$unionWith: 'inventory'}, {$count: 'n'}]", "[{_id: 'x'}]", context))
        .containsExactlyElementsOf(documents("[{n: 5}]"));
    assertThat(run("[{$unionWith: {pipeline: [{$documents: [{d: 1}]}]}}]", "[]", context))
        .containsExactlyElementsOf(documents("[{d: 1}]"));
    assertFails("[{$unionWith: {pipeline: []}}]", "[]", 9);
    assertFails("[{$unionWith: {coll: 'a', x: 1}}]", "[]", 40415);
  }

  @Test
  void documentsStage() {
    assertOutput("[{$documents: [{a: 1}, {a: 2}]}, {$match: {a: 2}}]", "[]", "[{a: 2}]");
    assertFails("[{$documents: 1}]", "[]", 5858203);
  }
}
