package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;

import org.junit.jupiter.api.Test;

class SetWindowFieldsTest {
  private static final String SALES = "[{_id: 1, s: 'x', d: 3, q: 10}, {_id: 2, s: 'y', d: 1, q: 5},"
      + " {_id: 3, s: 'x', d: 1, q: 20}, {_id: 4, s: 'x', d: 2, q: 20}]";

  @Test
  void runningTotalsPerPartition() {
    assertOutput("[{$setWindowFields: {partitionBy: '$s', sortBy: {d: 1}, output: {"
        + "running: {$sum: '$q', window: {documents: ['unbounded', 'current']}}, total: {$sum: '$q'},"
        + " moving: {$avg: '$q', window: {documents: [-1, 0]}}}}}, {$project: {running: 1, total: 1, moving: 1}}]",
        SALES, "[{_id: 3, running: 20, total: 50, moving: 20.0}, {_id: 4, running: 40, total: 50, moving: 20.0},"
            + " {_id: 1, running: 50, total: 50, moving: 15.0}, {_id: 2, running: 5, total: 5, moving: 5.0}]");
  }

  @Test
  void ranksAndShift() {
    assertOutput("[{$setWindowFields: {partitionBy: '$s', sortBy: {q: -1}, output: {r: {$rank: {}},"
        + " dr: {$denseRank: {}}, n: {$documentNumber: {}}, prev: {$shift: {output: '$_id', by: -1, default: 0}}}}},"
        + " {$project: {r: 1, dr: 1, n: 1, prev: 1}}]", SALES,
        "[{_id: 3, r: 1, dr: 1, n: {$numberLong: '1'}, prev: 0}, {_id: 4, r: 1, dr: 1, n: {$numberLong: '2'}, prev: 3},"
            + " {_id: 1, r: 3, dr: 2, n: {$numberLong: '3'}, prev: 4}, {_id: 2, r: 1, dr: 1, n: {$numberLong: '1'},"
            + " prev: 0}]");
  }

  @Test
  void errors() {
    assertFails("[{$setWindowFields: {output: {r: {$rank: {}}}}}]", "[]", 5371602);
    assertFails("[{$setWindowFields: {sortBy: {a: 1}}}]", "[]", 40414);
    assertFails("[{$setWindowFields: {output: {x: {$sum: 1, window: {range: [0, 1]}}}}}]", "[]", 238);
    assertFails("[{$setWindowFields: {output: {x: {$sum: 1, window: {documents: [1, 0]}}}}}]", "[]", 5339900);
    assertFails("[{$setWindowFields: {output: {x: {$bogus: 1}}}}]", "[]", 9);
  }
}
