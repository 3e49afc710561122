package io.tributary.engine.aggregate;

import static io.tributary.engine.aggregate.PipelineAssertions.assertFails;
import static io.tributary.engine.aggregate.PipelineAssertions.assertOutput;
import static io.tributary.engine.aggregate.PipelineAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

/** {@code $sort $limit $skip $count $sortByCount $unwind $sample $bucket} and laziness. */
class BlockingStagesTest {
  @Test
  void sortByOneAndManyKeysStably() {
    assertOutput("[{$sort: {a: 1}}]", "[{_id: 1, a: 2}, {_id: 2, a: 'x'}, {_id: 3, a: 1}, {_id: 4}, {_id: 5, a: 1.5}]",
        "[{_id: 4}, {_id: 3, a: 1}, {_id: 5, a: 1.5}, {_id: 1, a: 2}, {_id: 2, a: 'x'}]");
    assertOutput("[{$sort: {a: -1, b: 1}}]", "[{_id: 1, a: 1, b: 2}, {_id: 2, a: 2, b: 9}, {_id: 3, a: 1, b: 1}]",
        "[{_id: 2, a: 2, b: 9}, {_id: 3, a: 1, b: 1}, {_id: 1, a: 1, b: 2}]");
    assertOutput("[{$sort: {a: 1}}]", "[{_id: 1, a: 1}, {_id: 2, a: 1}, {_id: 3, a: 0}]",
        "[{_id: 3, a: 0}, {_id: 1, a: 1}, {_id: 2, a: 1}]");
  }

  @Test
  void sortUsesTheSmallestArrayElementAscendingAndTheLargestDescending() {
    assertOutput("[{$sort: {a: 1}}]", "[{_id: 1, a: [5, 0]}, {_id: 2, a: 3}]", "[{_id: 1, a: [5, 0]}, {_id: 2, a: 3}]");
    assertOutput("[{$sort: {a: -1}}]", "[{_id: 1, a: 4}, {_id: 2, a: [1, 5]}]", "[{_id: 2, a: [1, 5]}, {_id: 1, a: 4}]");
    assertOutput("[{$sort: {'a.b': 1}}]", "[{_id: 1, a: [{b: 3}, {b: 2}]}, {_id: 2, a: {b: 1}}]",
        "[{_id: 2, a: {b: 1}}, {_id: 1, a: [{b: 3}, {b: 2}]}]");
  }

  @Test
  void sortErrors() {
    assertFails("[{$sort: 1}]", "[]", 15973);
    assertFails("[{$sort: {}}]", "[]", 15976);
    assertFails("[{$sort: {a: 2}}]", "[]", 15975);
    assertFails("[{$sort: {a: 'x'}}]", "[]", 15975);
  }

  @Test
  void limitAndSkip() {
    String input = "[{_id: 1}, {_id: 2}, {_id: 3}]";
    assertOutput("[{$limit: 2}]", input, "[{_id: 1}, {_id: 2}]");
    assertOutput("[{$skip: 1}]", input, "[{_id: 2}, {_id: 3}]");
    assertOutput("[{$skip: 5}]", input, "[]");
    assertOutput("[{$skip: 1}, {$limit: 1}]", input, "[{_id: 2}]");
    assertOutput("[{$limit: {$numberLong: '1'}}]", input, "[{_id: 1}]");
    assertFails("[{$limit: 0}]", "[]", 15958);
    assertFails("[{$limit: 'x'}]", "[]", 15957);
    assertFails("[{$limit: 1.5}]", "[]", 15957);
    assertFails("[{$skip: -1}]", "[]", 15956);
    assertFails("[{$skip: 'x'}]", "[]", 15972);
  }

  @Test
  void limitStopsPullingFromItsInput() {
    int[] pulled = {0};
    Iterator<BsonDocument> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public BsonDocument next() {
        return new BsonDocument("_id", new BsonInt32(pulled[0]++));
      }
    };
    PipelineAssertions.TestContext context = new PipelineAssertions.TestContext();
    Iterator<BsonDocument> output = Pipeline.parse(PipelineAssertions.documents(
        "[{$match: {_id: {$gte: 0}}}, {$project: {_id: 1}}, {$limit: 3}]"), context).run(endless, context);
    int count = 0;
    while (output.hasNext()) {
      output.next();
      count++;
    }
    assertThat(count).isEqualTo(3);
    assertThat(pulled[0]).isEqualTo(3);
  }

  @Test
  void count() {
    assertOutput("[{$count: 'n'}]", "[{_id: 1}, {_id: 2}]", "[{n: 2}]");
    assertOutput("[{$count: 'n'}]", "[]", "[]");
    assertFails("[{$count: ''}]", "[]", 40156);
    assertFails("[{$count: '$n'}]", "[]", 40158);
    assertFails("[{$count: 'a.b'}]", "[]", 40160);
    assertThat(Pipeline.parse(PipelineAssertions.documents("[{$count: 'n'}]"), List.of()).stageNames())
        .containsExactly("$count");
  }

  @Test
  void sortByCount() {
    assertOutput("[{$sortByCount: '$a'}]", "[{a: 'x'}, {a: 'y'}, {a: 'y'}]", "[{_id: 'y', count: 2}, {_id: 'x', count: 1}]");
    assertFails("[{$sortByCount: 'a'}]", "[]", 40148);
  }

  @Test
  void unwind() {
    assertOutput("[{$unwind: '$a'}]", "[{_id: 1, a: [1, 2]}, {_id: 2, a: []}, {_id: 3}, {_id: 4, a: null}, {_id: 5, a: 7}]",
        "[{_id: 1, a: 1}, {_id: 1, a: 2}, {_id: 5, a: 7}]");
    assertOutput("[{$unwind: {path: '$a', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true}}]",
        "[{_id: 1, a: ['x', 'y']}, {_id: 2, a: []}, {_id: 3}]",
        "[{_id: 1, a: 'x', i: {$numberLong: '0'}}, {_id: 1, a: 'y', i: {$numberLong: '1'}}, {_id: 2, i: null}, "
            + "{_id: 3, i: null}]");
    assertOutput("[{$unwind: '$a.b'}]", "[{_id: 1, a: {b: [1, 2], c: 3}}]",
        "[{_id: 1, a: {b: 1, c: 3}}, {_id: 1, a: {b: 2, c: 3}}]");
    assertFails("[{$unwind: 'a'}]", "[]", 28818);
    assertFails("[{$unwind: 1}]", "[]", 15981);
    assertFails("[{$unwind: {}}]", "[]", 28812);
    assertFails("[{$unwind: {path: '$a', x: 1}}]", "[]", 28811);
    assertFails("[{$unwind: {path: '$a', preserveNullAndEmptyArrays: 1}}]", "[]", 28809);
    assertFails("[{$unwind: {path: '$a', includeArrayIndex: '$i'}}]", "[]", 28822);
  }

  @Test
  void sample() {
    List<BsonDocument> sampled = run("[{$sample: {size: 2}}]", "[{_id: 1}, {_id: 2}, {_id: 3}]");
    assertThat(sampled).hasSize(2).doesNotHaveDuplicates();
    assertThat(run("[{$sample: {size: 10}}]", "[{_id: 1}, {_id: 2}]")).hasSize(2);
    assertFails("[{$sample: {}}]", "[]", 28749);
    assertFails("[{$sample: {size: -1}}]", "[]", 28747);
    assertFails("[{$sample: {size: 1, x: 1}}]", "[]", 28748);
  }

  @Test
  void bucket() {
    String input = "[{p: 5}, {p: 15}, {p: 12}, {p: 40}, {p: 'x'}]";
    assertOutput("[{$bucket: {groupBy: '$p', boundaries: [0, 10, 20], default: 'other'}}]", input,
        "[{_id: 0, count: 1}, {_id: 10, count: 2}, {_id: 'other', count: 2}]");
    assertOutput("[{$bucket: {groupBy: '$p', boundaries: [0, 10, 20], default: 'other', output: {ps: {$push: '$p'}}}}]",
        "[{p: 5}, {p: 15}]", "[{_id: 0, ps: [5]}, {_id: 10, ps: [15]}]");
    assertFails("[{$bucket: {groupBy: '$p', boundaries: [0, 10]}}]", "[{p: 50}]", 40066);
    assertFails("[{$bucket: {groupBy: '$p', boundaries: [10, 0]}}]", "[]", 40194);
    assertFails("[{$bucket: {groupBy: '$p', boundaries: [0]}}]", "[]", 40192);
    assertFails("[{$bucket: {groupBy: '$p', boundaries: [0, 10], default: 5}}]", "[]", 40199);
    assertFails("[{$bucket: {boundaries: [0, 10]}}]", "[]", 40198);
    assertFails("[{$bucket: {groupBy: 'p', boundaries: [0, 10]}}]", "[]", 40202);
  }
}
