package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class GroupStageTest {
  private static final String SALES = "[{_id: 1, item: 'a', price: 10, qty: 2}, {_id: 2, item: 'b', price: 20, qty: 1},"
      + " {_id: 3, item: 'a', price: 5, qty: 10}, {_id: 4, item: 'c', price: 10}]";

  @Test
  void groupsByExpressionWithAccumulators() {
    assertOutput("[{$group: {_id: '$item', total: {$sum: {$multiply: ['$price', '$qty']}}, n: {$sum: 1}, "
        + "avg: {$avg: '$price'}, min: {$min: '$qty'}, max: {$max: '$qty'}}}]", SALES,
        "[{_id: 'a', total: 70, n: 2, avg: 7.5, min: 2, max: 10}, {_id: 'b', total: 20, n: 1, avg: 20.0, min: 1, "
            + "max: 1}, {_id: 'c', total: 0, n: 1, avg: 10.0, min: null, max: null}]");
  }

  @Test
  void firstLastPushAddToSetMergeObjectsCount() {
    assertOutput("[{$group: {_id: null, f: {$first: '$item'}, l: {$last: '$item'}, p: {$push: '$qty'}, "
        + "s: {$addToSet: '$price'}, c: {$count: {}}}}]", SALES,
        "[{_id: null, f: 'a', l: 'c', p: [2, 1, 10], s: [5, 10, 20], c: 4}]");
    assertOutput("[{$group: {_id: 1, m: {$mergeObjects: '$d'}}}]", "[{d: {a: 1}}, {d: {b: 2, a: 3}}, {}]",
        "[{_id: 1, m: {a: 3, b: 2}}]");
    assertOutput("[{$group: {_id: null, f: {$first: '$missing'}}}]", "[{a: 1}]", "[{_id: null, f: null}]");
  }

  @Test
  void numericallyEqualKeysShareAGroupAndMissingGroupsAsNull() {
    assertOutput("[{$group: {_id: '$k', n: {$sum: 1}}}]", "[{k: 1}, {k: 1.0}, {k: {$numberLong: '1'}}, {}, {k: null}]",
        "[{_id: 1, n: 3}, {_id: null, n: 2}]");
    assertOutput("[{$group: {_id: {x: '$x', y: '$y'}, n: {$sum: 1}}}]", "[{x: 1, y: 2}, {x: 1, y: 2}, {x: 1}]",
        "[{_id: {x: 1, y: 2}, n: 2}, {_id: {x: 1}, n: 1}]");
  }

  @Test
  void standardDeviations() {
    BsonDocument result = run("[{$group: {_id: null, pop: {$stdDevPop: '$v'}, samp: {$stdDevSamp: '$v'}}}]",
        "[{v: 2}, {v: 4}, {v: 4}, {v: 4}, {v: 5}, {v: 5}, {v: 7}, {v: 9}]").get(0);
    assertThat(result.getDouble("pop").getValue()).isEqualTo(2.0);
    assertThat(result.getDouble("samp").getValue()).isCloseTo(2.138, org.assertj.core.data.Offset.offset(0.001));
    assertOutput("[{$group: {_id: null, s: {$stdDevSamp: '$v'}}}]", "[{v: 1}]", "[{_id: null, s: null}]");
  }

  @Test
  void groupErrors() {
    assertFails("[{$group: {total: {$sum: 1}}}]", "[]", 15955);
    assertFails("[{$group: {_id: null, t: {$foo: 1}}}]", "[]", 15952);
    assertFails("[{$group: {_id: null, t: 1}}]", "[]", 40234);
    assertFails("[{$group: {_id: null, t: {$sum: 1, $avg: 1}}}]", "[]", 40238);
    assertFails("[{$group: {_id: null, 'a.b': {$sum: 1}}}]", "[]", 40235);
    assertFails("[{$group: {_id: null, t: {$sum: [1, 2]}}}]", "[]", 40237);
    assertFails("[{$group: 1}]", "[]", 15947);
    assertFails("[{$group: {_id: {a: 1}}}]", "[]", 17390);
  }

  @Test
  void accumulatorExpressionFormsWorkOnArrays() {
    assertOutput("[{$project: {_id: 0, s: {$sum: '$a'}, m: {$max: '$a'}, v: {$avg: [1, 2, 'x']}, n: {$min: []}}}]",
        "[{a: [1, 2, 3.5]}]", "[{s: 6.5, m: 3.5, v: 1.5, n: null}]");
  }

  @Test
  void selectionAccumulators() {
    String scores = "[{g: 1, p: 'a', s: 3}, {g: 1, p: 'b', s: 9}, {g: 1, p: 'c', s: 5}, {g: 2, p: 'd', s: 1}]";
    assertOutput("[{$group: {_id: '$g', top: {$top: {sortBy: {s: -1}, output: '$p'}},"
        + " bottom: {$bottom: {sortBy: {s: -1}, output: ['$p', '$s']}},"
        + " top2: {$topN: {n: 2, sortBy: {s: -1}, output: '$p'}}, first2: {$firstN: {n: 2, input: '$p'}},"
        + " last1: {$lastN: {n: 1, input: '$p'}}, max2: {$maxN: {n: 2, input: '$s'}}, min1: {$minN: {n: 1, input: '$s'}}}}]",
        scores, "[{_id: 1, top: 'b', bottom: ['a', 3], top2: ['b', 'c'], first2: ['a', 'b'], last1: ['c'], max2: [9, 5],"
            + " min1: [3]}, {_id: 2, top: 'd', bottom: ['d', 1], top2: ['d'], first2: ['d'], last1: ['d'], max2: [1],"
            + " min1: [1]}]");
    assertFails("[{$group: {_id: 1, t: {$topN: {sortBy: {s: 1}, output: '$p'}}}}]", "[]", 5787906);
    assertFails("[{$group: {_id: 1, t: {$top: {output: '$p'}}}}]", "[]", 5788005);
  }
}
