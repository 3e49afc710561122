package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;
import static io.tributary.engine.expression.ExpressionAssertions.assertMissing;

import org.junit.jupiter.api.Test;

class ArrayOperatorsTest {
  @Test
  void sizeAndElements() {
    assertEvaluates("{$size: [[1, 2, 3]]}", "3");
    assertEvaluates("{$size: '$a'}", "{a: []}", "0");
    assertFails("{$size: '$a'}", "{}", 17124);
    assertEvaluates("{$arrayElemAt: [[1, 2, 3], -1]}", "3");
    assertMissing("{$arrayElemAt: [[1, 2, 3], 5]}", "{}");
    assertEvaluates("{$arrayElemAt: [null, 0]}", "null");
    assertFails("{$arrayElemAt: [1, 0]}", 28689);
    assertFails("{$arrayElemAt: [[1], 0.5]}", 28691);
    assertEvaluates("{$first: [[4, 5]]}", "4");
    assertEvaluates("{$last: '$a'}", "{a: [4, 5]}", "5");
    assertMissing("{$first: [[]]}", "{}");
  }

  @Test
  void membershipAndConcatenation() {
    assertEvaluates("{$in: [2, [1, 2.0]]}", "true");
    assertEvaluates("{$in: ['x', []]}", "false");
    assertFails("{$in: [1, '$missing']}", 40081);
    assertEvaluates("{$isArray: [[1]]}", "true");
    assertEvaluates("{$isArray: 'a'}", "false");
    assertEvaluates("{$concatArrays: [[1], [2, 3], []]}", "[1, 2, 3]");
    assertEvaluates("{$concatArrays: [[1], null]}", "null");
    assertFails("{$concatArrays: [[1], 2]}", 28664);
    assertEvaluates("{$reverseArray: [[1, 2, 3]]}", "[3, 2, 1]");
    assertFails("{$reverseArray: 1}", 34435);
    assertEvaluates("{$indexOfArray: [['a', 'b', 'a'], 'a', 1]}", "2");
    assertEvaluates("{$indexOfArray: [['a'], 'z']}", "-1");
    assertFails("{$indexOfArray: ['a', 'a']}", 40090);
  }

  @Test
  void slice() {
    assertEvaluates("{$slice: [[1, 2, 3, 4], 2]}", "[1, 2]");
    assertEvaluates("{$slice: [[1, 2, 3, 4], -2]}", "[3, 4]");
    assertEvaluates("{$slice: [[1, 2, 3, 4], 1, 2]}", "[2, 3]");
    assertEvaluates("{$slice: [[1, 2, 3, 4], -3, 2]}", "[2, 3]");
    assertEvaluates("{$slice: [[1, 2], 5, 2]}", "[]");
    assertFails("{$slice: [[1], 0, 0]}", 28729);
    assertFails("{$slice: [1, 1]}", 28724);
  }

  @Test
  void building() {
    assertEvaluates("{$range: [0, 5, 2]}", "[0, 2, 4]");
    assertEvaluates("{$range: [5, 0, -2]}", "[5, 3, 1]");
    assertFails("{$range: [0, 1, 0]}", 34449);
    assertFails("{$range: ['a', 1]}", 34443);
    assertEvaluates("{$zip: {inputs: [[1, 2], ['a', 'b', 'c']]}}", "[[1, 'a'], [2, 'b']]");
    assertEvaluates("{$zip: {inputs: [[1], ['a', 'b']], useLongestLength: true, defaults: [0, 'z']}}",
        "[[1, 'a'], [0, 'b']]");
    assertFails("{$zip: {inputs: [1]}}", 34468);
    assertEvaluates("{$arrayToObject: [[['a', 1], ['b', 2]]]}", "{a: 1, b: 2}");
    assertEvaluates("{$arrayToObject: [[{k: 'a', v: 1}]]}", "{a: 1}");
    assertFails("{$arrayToObject: [[['a']]]}", 40397);
    assertEvaluates("{$objectToArray: {$literal: {a: 1}}}", "[{k: 'a', v: 1}]");
    assertFails("{$objectToArray: 1}", 40390);
  }

  @Test
  void filterMapReduce() {
    assertEvaluates("{$filter: {input: [1, 2, 3, 4], cond: {$gt: ['$$this', 2]}}}", "[3, 4]");
    assertEvaluates("{$filter: {input: '$a', as: 'x', cond: {$gt: ['$$x', 1]}, limit: 1}}", "{a: [1, 2, 3]}", "[2]");
    assertEvaluates("{$filter: {input: null, cond: true}}", "null");
    assertFails("{$filter: {input: 1, cond: true}}", 28651);
    assertEvaluates("{$map: {input: [1, 2], as: 'n', in: {$multiply: ['$$n', 10]}}}", "[10, 20]");
    assertEvaluates("{$map: {input: [1], in: '$$this.x'}}", "[null]");
    assertFails("{$map: {input: 1, in: 1}}", 16883);
    assertFails("{$map: {input: [1], in: '$$n'}}", 17276);
    assertEvaluates("{$reduce: {input: [1, 2, 3], initialValue: 0, in: {$add: ['$$value', '$$this']}}}", "6");
    assertEvaluates("{$reduce: {input: ['a', 'b'], initialValue: '', in: {$concat: ['$$value', '$$this']}}}",
        "'ab'");
    assertFails("{$reduce: {input: [1], in: 1}}", 40078);
    assertFails("{$reduce: {input: 1, initialValue: 0, in: 1}}", 40080);
  }

  @Test
  void sets() {
    assertEvaluates("{$setUnion: [[1, 2], [2, 3]]}", "[1, 2, 3]");
    assertEvaluates("{$setIntersection: [[1, 2, 3], [3, 2.0, 5]]}", "[2, 3]");
    assertEvaluates("{$setDifference: [[1, 2, 3], [2]]}", "[1, 3]");
    assertEvaluates("{$setEquals: [[1, 2], [2, 1, 1]]}", "true");
    assertEvaluates("{$setIsSubset: [[1], [1, 2]]}", "true");
    assertEvaluates("{$setUnion: [[1], null]}", "null");
    assertEvaluates("{$allElementsTrue: [[1, true, 'a']]}", "true");
    assertEvaluates("{$anyElementTrue: [[0, false]]}", "false");
    assertFails("{$setUnion: [[1], 1]}", 17043);
    assertFails("{$setEquals: [[1]]}", 17045);
    assertFails("{$allElementsTrue: 1}", 17040);
  }

  @Test
  void sortArrayAndSelections() {
    assertEvaluates("{$sortArray: {input: [3, 1, 'a', 2], sortBy: 1}}", "[1, 2, 3, 'a']");
    assertEvaluates("{$sortArray: {input: [3, 1, 2], sortBy: -1}}", "[3, 2, 1]");
    assertEvaluates("{$sortArray: {input: [{a: 2, b: 1}, {a: 1}, {a: 2, b: 0}], sortBy: {a: -1, b: 1}}}",
        "[{a: 2, b: 0}, {a: 2, b: 1}, {a: 1}]");
    assertFails("{$sortArray: {input: 1, sortBy: 1}}", 2942504);
    assertFails("{$sortArray: {input: [], sortBy: 2}}", 2942505);
    assertEvaluates("{$firstN: {n: 2, input: [5, 6, 7]}}", "[5, 6]");
    assertEvaluates("{$lastN: {n: 2, input: [5, 6, 7]}}", "[6, 7]");
    assertEvaluates("{$maxN: {n: 2, input: [5, null, 9, 7]}}", "[9, 7]");
    assertEvaluates("{$minN: {n: 5, input: [5, null, 9, 7]}}", "[5, 7, 9]");
    assertFails("{$firstN: {n: 0, input: [1]}}", 5787908);
    assertFails("{$firstN: {input: [1]}}", 5787906);
  }
}
