package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArithmeticOperatorsTest {
  @Test
  void addPromotesTypesAndOverflows() {
    assertEvaluates("{$add: [1, 2]}", "3");
    assertEvaluates("{$add: [1, {$numberLong: '2'}]}", "{$numberLong: '3'}");
    assertEvaluates("{$add: [1, 2.5]}", "3.5");
    assertEvaluates("{$add: [1, {$numberDecimal: '2.5'}]}", "{$numberDecimal: '3.5'}");
    assertEvaluates("{$add: [2147483647, 1]}", "{$numberLong: '2147483648'}");
    assertEvaluates("{$add: [{$numberLong: '9223372036854775807'}, 1]}", "9.223372036854775808E18");
    assertEvaluates("{$add: []}", "0");
    assertEvaluates("{$add: [1, null]}", "null");
    assertEvaluates("{$add: [1, '$missing']}", "null");
  }

  @Test
  void addAndSubtractDoDateArithmetic() {
    assertEvaluates("{$add: [{$date: 1000}, 500]}", "{$date: 1500}");
    assertEvaluates("{$subtract: [{$date: 1000}, {$date: 400}]}", "{$numberLong: '600'}");
    assertEvaluates("{$subtract: [{$date: 1000}, 1]}", "{$date: 999}");
    assertFails("{$add: [{$date: 1}, {$date: 2}]}", 16612);
    assertFails("{$subtract: [1, {$date: 2}]}", 16556);
    assertThat(assertFails("{$add: [1, 'a']}", 14)).isEqualTo("$add only supports numeric or date types, not string");
  }

  @Test
  void multiplyDivideMod() {
    assertEvaluates("{$multiply: [2, 3, 4]}", "24");
    assertEvaluates("{$multiply: [65536, 65536]}", "{$numberLong: '4294967296'}");
    assertEvaluates("{$divide: [6, 3]}", "2.0");
    assertEvaluates("{$divide: [{$numberDecimal: '1'}, 4]}", "{$numberDecimal: '0.25'}");
    assertEvaluates("{$mod: [7, 3]}", "1");
    assertEvaluates("{$mod: [-7, 3]}", "-1");
    assertEvaluates("{$mod: [7.5, 2]}", "1.5");
    assertThat(assertFails("{$divide: [1, 0]}", 2)).isEqualTo("can't $divide by zero");
    assertFails("{$mod: [1, 0]}", 16610);
    assertFails("{$multiply: [1, 'x']}", 16555);
    assertFails("{$divide: ['x', 1]}", 16609);
  }

  @Test
  void singleNumberOperators() {
    assertEvaluates("{$abs: -5}", "5");
    assertEvaluates("{$abs: -2147483648}", "{$numberLong: '2147483648'}");
    assertEvaluates("{$abs: null}", "null");
    assertEvaluates("{$ceil: 1.2}", "2.0");
    assertEvaluates("{$floor: -1.2}", "-2.0");
    assertEvaluates("{$floor: 7}", "7");
    assertEvaluates("{$sqrt: 25}", "5.0");
    assertEvaluates("{$exp: 0}", "1.0");
    assertEvaluates("{$ln: 1}", "0.0");
    assertEvaluates("{$log10: 1000}", "3.0");
    assertEvaluates("{$log: [8, 2]}", "3.0");
    assertFails("{$abs: 'x'}", 28765);
    assertFails("{$sqrt: -1}", 28714);
    assertFails("{$ln: 0}", 28766);
    assertFails("{$log: [8, 1]}", 28759);
    assertFails("{$abs: {$numberLong: '-9223372036854775808'}}", 28680);
  }

  @Test
  void roundAndTrunc() {
    assertEvaluates("{$round: [2.5]}", "2.0");
    assertEvaluates("{$round: [3.5]}", "4.0");
    assertEvaluates("{$round: [1234.5678, 2]}", "1234.57");
    assertEvaluates("{$round: [1234, -2]}", "1200");
    assertEvaluates("{$trunc: [1234.5678, 1]}", "1234.5");
    assertEvaluates("{$trunc: -1.9}", "-1.0");
    assertFails("{$round: ['x']}", 51081);
    assertFails("{$round: [1, 200]}", 51083);
  }

  @Test
  void pow() {
    assertEvaluates("{$pow: [2, 10]}", "1024");
    assertEvaluates("{$pow: [2, 40]}", "{$numberLong: '1099511627776'}");
    assertEvaluates("{$pow: [2, -1]}", "0.5");
    assertEvaluates("{$pow: [-1, 3]}", "-1");
    assertEvaluates("{$pow: [1.5, 2]}", "2.25");
    assertFails("{$pow: [0, -1]}", 28764);
    assertFails("{$pow: ['x', 1]}", 28762);
  }

  @Test
  void trigonometry() {
    assertEvaluates("{$sin: 0}", "0.0");
    assertEvaluates("{$cos: 0}", "1.0");
    assertEvaluates("{$atan2: [1, 1]}", String.valueOf(Math.PI / 4));
    assertEvaluates("{$radiansToDegrees: {$degreesToRadians: 90}}", "90.0");
    assertEvaluates("{$acos: null}", "null");
    assertFails("{$acos: 2}", 50989);
    assertFails("{$sin: 'x'}", 28765);
  }

  @Test
  void bitwiseAndAccessors() {
    assertEvaluates("{$bitAnd: [12, 10]}", "8");
    assertEvaluates("{$bitOr: [12, {$numberLong: '3'}]}", "{$numberLong: '15'}");
    assertEvaluates("{$bitXor: [5, 1]}", "4");
    assertEvaluates("{$bitNot: 0}", "-1");
    assertFails("{$bitAnd: [1, 1.5]}", 14);
    assertEvaluates("{$tsSecond: {$timestamp: {t: 7, i: 3}}}", "{$numberLong: '7'}");
    assertEvaluates("{$tsIncrement: {$timestamp: {t: 7, i: 3}}}", "{$numberLong: '3'}");
    assertFails("{$tsSecond: 1}", 5687301);
    assertEvaluates("{$binarySize: 'héllo'}", "6");
    assertEvaluates("{$binarySize: {$binary: {base64: 'AAEC', subType: '00'}}}", "3");
    assertFails("{$binarySize: 1}", 51276);
  }
}
