package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.documents;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.aggregate.PipelineAssertions.TestContext;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
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
  void graphLookupFollowsConnections() {
    TestContext employees = new TestContext().with("employees", "[{_id: 1, name: 'Dev'}, {_id: 2, name: 'Eliot',"
        + " reportsTo: 'Dev'}, {_id: 3, name: 'Ron', reportsTo: 'Eliot'}, {_id: 4, name: 'Andrew', reportsTo: 'Eliot'},"
        + " {_id: 5, name: 'Asya', reportsTo: 'Ron'}]");
    List<BsonDocument> output = run("[{$graphLookup: {from: 'employees', startWith: '$reportsTo',"
        + " connectFromField: 'reportsTo', connectToField: 'name', as: 'chain', depthField: 'd'}},"
        + " {$project: {chain: {$sortArray: {input: '$chain.name', sortBy: 1}}, depths: '$chain.d'}}]",
        "[{_id: 5, name: 'Asya', reportsTo: 'Ron'}]", employees);
    assertThat(output.get(0).getArray("chain")).containsExactly(new BsonString("Dev"), new BsonString("Eliot"),
        new BsonString("Ron"));
    assertThat(output.get(0).getArray("depths")).containsExactlyInAnyOrder(new BsonInt64(0), new BsonInt64(1),
        new BsonInt64(2));
    assertThat(run("[{$graphLookup: {from: 'employees', startWith: '$reportsTo', connectFromField: 'reportsTo',"
        + " connectToField: 'name', as: 'chain', maxDepth: 0}}, {$project: {n: {$size: '$chain'}}}]",
        "[{_id: 5, reportsTo: 'Ron'}]", employees)).containsExactlyElementsOf(documents("[{_id: 5, n: 1}]"));
    assertFails("[{$graphLookup: {from: 'employees', as: 'x'}}]", "[]", 40105);
    assertFails("[{$graphLookup: {from: 'e', startWith: 1, connectFromField: 'a', connectToField: 'b', as: 'x',"
        + " maxDepth: -1}}]", "[]", 40101);
  }

  @Test
  void bucketAutoBalancesBuckets() {
    PipelineAssertions.assertOutput("[{$bucketAuto: {groupBy: '$p', buckets: 3}}]",
        "[{p: 1}, {p: 2}, {p: 3}, {p: 4}, {p: 5}, {p: 6}, {p: 7}]",
        "[{_id: {min: 1, max: 3}, count: 2}, {_id: {min: 3, max: 5}, count: 2}, {_id: {min: 5, max: 7}, count: 3}]");
    PipelineAssertions.assertOutput("[{$bucketAuto: {groupBy: '$p', buckets: 2, output: {ps: {$push: '$p'}}}}]",
        "[{p: 1}, {p: 1}, {p: 1}, {p: 2}]", "[{_id: {min: 1, max: 2}, ps: [1, 1, 1]}, {_id: {min: 2, max: 2}, ps: [2]}]");
    assertFails("[{$bucketAuto: {groupBy: '$p', buckets: 0}}]", "[]", 40243);
    assertFails("[{$bucketAuto: {groupBy: '$p'}}]", "[]", 40246);
  }

  @Test
  void listLocalSessionsReadsTheContextsSessions() {
    TestContext withSession = new TestContext() {
      @Override
      public List<BsonDocument> localSessions() {
        return documents("[{_id: {id: 1}, lastUse: {$date: 0}}]");
      }
    };
    assertThat(run("[{$listLocalSessions: {}}, {$project: {_id: 0, id: '$_id.id'}}]", "[]", withSession))
        .containsExactlyElementsOf(documents("[{id: 1}]"));
    assertFails("[{$listLocalSessions: {bogus: 1}}]", "[]", 40415);
  }

  @Test
  void documentsStage() {
    assertOutput("[{$documents: [{a: 1}, {a: 2}]}, {$match: {a: 2}}]", "[]", "[{a: 2}]");
    assertFails("[{$documents: 1}]", "[]", 5858203);
  }
}
