package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;
import static io.tributary.engine.expression.ExpressionAssertions.assertMissing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionsTest {
  @Test
  void fieldPathsReadThroughDocumentsAndArrays() {
    assertEvaluates("'$a.b'", "{a: {b: 5}}", "5");
    assertEvaluates("'$a.b'", "{a: [{b: 1}, {c: 2}, {b: 3}, 7, [{b: 9}]]}", "[1, 3]");
    assertEvaluates("'$a.b.c'", "{a: [{b: [{c: 1}, {c: 2}]}, {b: {c: 3}}]}", "[[1, 2], 3]");
    assertMissing("'$a.b'", "{a: 5}");
    assertMissing("'$x'", "{a: 5}");
    assertEvaluates("'$a'", "{a: null}", "null");
  }

  @Test
  void systemVariables() {
    assertEvaluates("'$$ROOT'", "{a: 1}", "{a: 1}");
    assertEvaluates("'$$CURRENT.a'", "{a: 1}", "1");
    assertMissing("'$$REMOVE'", "{a: 1}");
    assertEvaluates("'$$NOW'", "{$date: 1700000000000}");
    assertEvaluates("'$$CLUSTER_TIME'", "{$timestamp: {t: 1700000000, i: 1}}");
    assertEvaluates("'$$KEEP'", "'keep'");
  }

  @Test
  void literalsAndObjects() {
    assertEvaluates("{$literal: '$a'}", "'$a'");
    assertEvaluates("{$literal: {$add: 1}}", "{$add: 1}");
    assertEvaluates("{x: '$a', y: '$missing', z: [1, '$missing']}", "{a: 2}", "{x: 2, z: [1, null]}");
    assertEvaluates("'plain'", "'plain'");
    assertEvaluates("{}", "{}");
  }

  @Test
  void letBindsVariablesForItsInExpression() {
    assertEvaluates("{$let: {vars: {x: 2, y: '$a'}, in: {$multiply: ['$$x', '$$y']}}}", "{a: 5}", "10");
    assertEvaluates("{$let: {vars: {CURRENT: '$a'}, in: '$b'}}", "{a: {b: 3}}", "3");
    assertFails("{$let: {vars: {x: 1}}}", 16877);
    assertFails("{$let: {in: 1}}", 16876);
    assertFails("{$let: {vars: {X: 1}, in: 1}}", 16870);
    assertFails("{$let: {vars: {x: 1}, in: 1, z: 1}}", 16875);
  }

  @Test
  void parseErrorsUseMongodCodes() {
    assertThat(assertFails("{$foo: 1}", 168)).isEqualTo("Unrecognized expression '$foo'");
    assertThat(assertFails("{$abs: [1, 2]}", 16020))
        .isEqualTo("Expression $abs takes exactly 1 arguments. 2 were passed in.");
    assertFails("{$add: 1, b: 2}", 15983);
    assertFails("'$$undefinedVariable'", 17276);
    assertFails("'$'", 16872);
    assertFails("'$a..b'", 15998);
    assertFails("{a: {$b: 1, c: 1}}", 15983);
    assertFails("{a: 1, $b: 1}", 16404);
    assertFails("{$round: [1, 2, 3]}", 28667);
  }
}
