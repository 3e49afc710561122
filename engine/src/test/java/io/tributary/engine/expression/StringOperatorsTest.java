package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;

import org.junit.jupiter.api.Test;

class StringOperatorsTest {
  @Test
  void concatAndCase() {
    assertEvaluates("{$concat: ['a', 'b', 'c']}", "'abc'");
    assertEvaluates("{$concat: ['a', null]}", "null");
    assertEvaluates("{$concat: ['a', '$missing']}", "null");
    assertFails("{$concat: ['a', 1]}", 16702);
    assertEvaluates("{$toUpper: 'abcÉ'}", "'ABCÉ'");
    assertEvaluates("{$toLower: 'ABC'}", "'abc'");
    assertEvaluates("{$toLower: 12}", "'12'");
    assertEvaluates("{$toUpper: null}", "''");
    assertFails("{$toUpper: [[1]]}", 16007);
    assertEvaluates("{$strcasecmp: ['abc', 'ABC']}", "0");
    assertEvaluates("{$strcasecmp: ['abc', 'abd']}", "-1");
  }

  @Test
  void substrings() {
    assertEvaluates("{$substr: ['hello', 1, 3]}", "'ell'");
    assertEvaluates("{$substrBytes: ['hello', 2, -1]}", "'llo'");
    assertEvaluates("{$substrBytes: ['hello', 10, 2]}", "''");
    assertEvaluates("{$substrCP: ['héllo', 1, 2]}", "'él'");
    assertEvaluates("{$substrCP: ['abc', 5, 2]}", "''");
    assertFails("{$substrBytes: ['héllo', 2, 1]}", 28656);
    assertFails("{$substrBytes: ['abc', 'x', 1]}", 16034);
    assertFails("{$substrCP: ['abc', 0, -1]}", 34454);
    assertFails("{$substrCP: ['abc', 0.5, 1]}", 34451);
  }

  @Test
  void lengths() {
    assertEvaluates("{$strLenBytes: 'héllo'}", "6");
    assertEvaluates("{$strLenCP: 'héllo'}", "5");
    assertFails("{$strLenBytes: 1}", 34473);
    assertFails("{$strLenCP: '$missing'}", 34471);
  }

  @Test
  void split() {
    assertEvaluates("{$split: ['a,b,,c', ',']}", "['a', 'b', '', 'c']");
    assertEvaluates("{$split: ['abc', 'x']}", "['abc']");
    assertEvaluates("{$split: [null, ',']}", "null");
    assertFails("{$split: [1, ',']}", 40085);
    assertFails("{$split: ['a', 1]}", 40086);
    assertFails("{$split: ['a', '']}", 40087);
  }

  @Test
  void trim() {
    assertEvaluates("{$trim: {input: '  a b  '}}", "'a b'");
    assertEvaluates("{$ltrim: {input: '  a  '}}", "'a  '");
    assertEvaluates("{$rtrim: {input: 'xxaxx', chars: 'x'}}", "'xxa'");
    assertEvaluates("{$trim: {input: null}}", "null");
    assertFails("{$trim: {input: 1}}", 50699);
    assertFails("{$trim: {chars: 'a'}}", 50695);
    assertFails("{$trim: {input: 'a', x: 1}}", 50694);
    assertFails("{$trim: 'a'}", 50696);
  }

  @Test
  void indexOf() {
    assertEvaluates("{$indexOfBytes: ['hello', 'l']}", "2");
    assertEvaluates("{$indexOfBytes: ['hello', 'l', 3]}", "3");
    assertEvaluates("{$indexOfBytes: ['hello', 'l', 0, 2]}", "-1");
    assertEvaluates("{$indexOfCP: ['héllo', 'l']}", "2");
    assertEvaluates("{$indexOfBytes: ['héllo', 'l']}", "3");
    assertEvaluates("{$indexOfCP: [null, 'l']}", "null");
    assertFails("{$indexOfBytes: [1, 'l']}", 40091);
    assertFails("{$indexOfCP: ['a', 1]}", 40094);
    assertFails("{$indexOfCP: ['a', 'a', -1]}", 40097);
  }

  @Test
  void replace() {
    assertEvaluates("{$replaceOne: {input: 'aXbXc', find: 'X', replacement: '-'}}", "'a-bXc'");
    assertEvaluates("{$replaceAll: {input: 'aXbXc', find: 'X', replacement: '-'}}", "'a-b-c'");
    assertEvaluates("{$replaceAll: {input: null, find: 'X', replacement: '-'}}", "null");
    assertFails("{$replaceAll: {input: 1, find: 'X', replacement: '-'}}", 51746);
  }

  @Test
  void regex() {
    assertEvaluates("{$regexMatch: {input: 'Hello', regex: '^h', options: 'i'}}", "true");
    assertEvaluates("{$regexMatch: {input: 'Hello', regex: {$regex: '^h', $options: 'i'}}}", "true");
    assertEvaluates("{$regexMatch: {input: null, regex: 'a'}}", "false");
    assertEvaluates("{$regexFind: {input: 'a1b22', regex: '([0-9]+)'}}",
        "{match: '1', idx: 1, captures: ['1']}");
    assertEvaluates("{$regexFind: {input: 'abc', regex: 'x'}}", "null");
    assertEvaluates("{$regexFindAll: {input: 'a1b22', regex: '[0-9]+'}}",
        "[{match: '1', idx: 1, captures: []}, {match: '22', idx: 3, captures: []}]");
    assertFails("{$regexMatch: {input: 1, regex: 'a'}}", 51104);
    assertFails("{$regexMatch: {input: 'a', regex: 1}}", 51105);
    assertFails("{$regexMatch: {input: 'a', regex: '('}}", 51111);
    assertFails("{$regexMatch: {input: 'a', regex: {$regex: 'a', $options: 'i'}, options: 'm'}}", 51075);
  }
}
