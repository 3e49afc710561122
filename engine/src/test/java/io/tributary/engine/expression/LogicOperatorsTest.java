package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;

import org.junit.jupiter.api.Test;

/** Comparison, boolean and conditional operators. */
class LogicOperatorsTest {
  @Test
  void comparisonUsesBsonOrderAcrossNumericTypes() {
    assertEvaluates("{$eq: [1, 1.0]}", "true");
    assertEvaluates("{$eq: [1, {$numberDecimal: '1.00'}]}", "true");
    assertEvaluates("{$ne: ['a', 'b']}", "true");
    assertEvaluates("{$gt: ['a', 1]}", "true");
    assertEvaluates("{$lt: [null, 0]}", "true");
    assertEvaluates("{$gte: [[1, 2], [1]]}", "true");
    assertEvaluates("{$lte: [{a: 1}, {a: 1}]}", "true");
    assertEvaluates("{$cmp: [2, 1]}", "1");
    assertEvaluates("{$cmp: ['a', 'b']}", "-1");
    assertEvaluates("{$eq: ['$missing', null]}", "{}", "false");
    assertEvaluates("{$lt: ['$missing', null]}", "{}", "true");
    assertFails("{$eq: [1]}", 16020);
  }

  @Test
  void booleanOperatorsShortCircuit() {
    assertEvaluates("{$and: [1, 'x', true]}", "true");
    assertEvaluates("{$and: [1, 0]}", "false");
    assertEvaluates("{$and: []}", "true");
    assertEvaluates("{$or: [null, 0, '$missing']}", "false");
    assertEvaluates("{$or: [false, [0]]}", "true");
    assertEvaluates("{$or: []}", "false");
    assertEvaluates("{$and: [false, {$divide: [1, 0]}]}", "false");
    assertEvaluates("{$not: [0]}", "true");
    assertEvaluates("{$not: ['$missing']}", "true");
  }

  @Test
  void cond() {
    assertEvaluates("{$cond: [true, 'y', 'n']}", "'y'");
    assertEvaluates("{$cond: {if: {$gt: ['$a', 1]}, then: 'big', else: 'small'}}", "{a: 5}", "'big'");
    assertEvaluates("{$cond: [{$divide: [1, 1]}, 1, {$divide: [1, 0]}]}", "1");
    assertFails("{$cond: [true, 1]}", 16020);
    assertFails("{$cond: {if: true, then: 1}}", 17082);
    assertFails("{$cond: {then: 1, else: 2}}", 17080);
    assertFails("{$cond: {if: 1, then: 1, else: 2, x: 1}}", 17083);
  }

  @Test
  void ifNullTakesTheFirstNonNull() {
    assertEvaluates("{$ifNull: ['$a', 'default']}", "{}", "'default'");
    assertEvaluates("{$ifNull: [null, '$missing', 3, 4]}", "{}", "3");
    assertEvaluates("{$ifNull: ['$a', 1]}", "{a: 0}", "0");
    assertFails("{$ifNull: [1]}", 1257300);
  }

  @Test
  void switchPicksTheFirstTrueBranch() {
    String expression = "{$switch: {branches: [{case: {$lt: ['$a', 0]}, then: 'neg'}, "
        + "{case: {$eq: ['$a', 0]}, then: 'zero'}], default: 'pos'}}";
    assertEvaluates(expression, "{a: -1}", "'neg'");
    assertEvaluates(expression, "{a: 0}", "'zero'");
    assertEvaluates(expression, "{a: 4}", "'pos'");
    assertFails("{$switch: {branches: [{case: false, then: 1}]}}", 40066);
    assertFails("{$switch: {branches: []}}", 40068);
    assertFails("{$switch: {branches: [{case: true}]}}", 40065);
    assertFails("{$switch: {branches: [{then: 1}]}}", 40064);
    assertFails("{$switch: {branches: [1]}}", 40062);
    assertFails("{$switch: {x: 1}}", 40067);
    assertFails("{$switch: 1}", 40060);
  }
}
