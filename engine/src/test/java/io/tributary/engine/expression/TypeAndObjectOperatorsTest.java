package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;
import static io.tributary.engine.expression.ExpressionAssertions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeAndObjectOperatorsTest {
  @Test
  void typeNames() {
    assertEvaluates("{$type: 1}", "'int'");
    assertEvaluates("{$type: {$numberLong: '1'}}", "'long'");
    assertEvaluates("{$type: '$a'}", "{a: [1]}", "'array'");
    assertEvaluates("{$type: '$missing'}", "'missing'");
    assertEvaluates("{$type: [null]}", "'null'");
    assertEvaluates("{$isNumber: 1.5}", "true");
    assertEvaluates("{$isNumber: '1'}", "false");
  }

  @Test
  void shorthandConversions() {
    assertEvaluates("{$toInt: '42'}", "42");
    assertEvaluates("{$toInt: 4.9}", "4");
    assertEvaluates("{$toLong: {$date: 5}}", "{$numberLong: '5'}");
    assertEvaluates("{$toDouble: '2.5'}", "2.5");
    assertEvaluates("{$toDouble: true}", "1.0");
    assertEvaluates("{$toDecimal: 1}", "{$numberDecimal: '1'}");
    assertEvaluates("{$toString: 1.5}", "'1.5'");
    assertEvaluates("{$toString: {$date: 0}}", "'1970-01-01T00:00:00.000Z'");
    assertEvaluates("{$toBool: 0}", "false");
    assertEvaluates("{$toBool: 'false'}", "true");
    assertEvaluates("{$toDate: '2020-01-02T03:04:05.006Z'}", "{$date: '2020-01-02T03:04:05.006Z'}");
    assertEvaluates("{$toDate: {$numberLong: '1000'}}", "{$date: 1000}");
    assertEvaluates("{$toObjectId: '5ab9cbfa31c2ab715d42129e'}", "{$oid: '5ab9cbfa31c2ab715d42129e'}");
    assertEvaluates("{$toInt: null}", "null");
    assertFails("{$toInt: 'abc'}", 241);
    assertFails("{$toInt: {$numberLong: '9999999999'}}", 241);
    assertFails("{$toObjectId: 'xyz'}", 241);
    assertFails("{$toDate: 1}", 241);
  }

  @Test
  void convert() {
    assertEvaluates("{$convert: {input: '12', to: 'int'}}", "12");
    assertEvaluates("{$convert: {input: '12', to: 16}}", "{$numberInt: '12'}");
    assertEvaluates("{$convert: {input: 'x', to: 'int', onError: -1}}", "-1");
    assertEvaluates("{$convert: {input: null, to: 'int', onNull: 0}}", "0");
    assertEvaluates("{$convert: {input: 1, to: null}}", "null");
    assertFails("{$convert: {input: 1, to: 'foo'}}", 2);
    assertFails("{$convert: {input: 1}}", 9);
    assertFails("{$convert: {to: 'int'}}", 9);
    assertFails("{$convert: {input: 1, to: 'int', x: 1}}", 9);
  }

  @Test
  void objects() {
    assertEvaluates("{$mergeObjects: [{a: 1, b: 1}, null, {b: 2}]}", "{a: 1, b: 2}");
    assertEvaluates("{$mergeObjects: '$a'}", "{a: {x: 1}}", "{x: 1}");
    assertFails("{$mergeObjects: [1]}", 40400);
    assertEvaluates("{$getField: 'a'}", "{a: 5}", "5");
    assertEvaluates("{$getField: {field: 'a.b', input: '$x'}}", "{x: {'a.b': 7}}", "7");
    assertEvaluates("{$setField: {field: 'a', input: {b: 1}, value: 2}}", "{b: 1, a: 2}");
    assertEvaluates("{$setField: {field: 'b', input: {b: 1}, value: '$$REMOVE'}}", "{}");
    assertEvaluates("{$unsetField: {field: 'b', input: {b: 1, c: 2}}}", "{c: 2}");
    assertEvaluates("{$bsonSize: '$$ROOT'}", "{}", "5");
    assertEvaluates("{$bsonSize: '$a'}", "{a: {b: 1}}", "12");
    assertFails("{$bsonSize: 1}", 31393);
  }

  @Test
  void rand() {
    double value = evaluate("{$rand: {}}", "{}").asDouble().getValue();
    assertThat(value).isBetween(0.0, 1.0);
    assertFails("{$rand: {x: 1}}", 3040500);
  }
}
