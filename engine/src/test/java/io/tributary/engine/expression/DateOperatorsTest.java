package io.tributary.engine.expression;

import static io.tributary.engine.expression.ExpressionAssertions.assertEvaluates;
import static io.tributary.engine.expression.ExpressionAssertions.assertFails;

import org.junit.jupiter.api.Test;

class DateOperatorsTest {
  private static final String DOC = "{d: {$date: '2014-01-01T08:15:39.736Z'}}";

  @Test
  void dateParts() {
    assertEvaluates("{$year: '$d'}", DOC, "2014");
    assertEvaluates("{$month: '$d'}", DOC, "1");
    assertEvaluates("{$dayOfMonth: '$d'}", DOC, "1");
    assertEvaluates("{$hour: '$d'}", DOC, "8");
    assertEvaluates("{$minute: '$d'}", DOC, "15");
    assertEvaluates("{$second: '$d'}", DOC, "39");
    assertEvaluates("{$millisecond: '$d'}", DOC, "736");
    assertEvaluates("{$dayOfWeek: '$d'}", DOC, "4");
    assertEvaluates("{$dayOfYear: '$d'}", DOC, "1");
    assertEvaluates("{$hour: {date: '$d', timezone: '+05:00'}}", DOC, "13");
    assertEvaluates("{$hour: {date: '$d', timezone: 'America/New_York'}}", DOC, "3");
    assertEvaluates("{$year: [null]}", "null");
    assertFails("{$year: 'x'}", 16006);
    assertFails("{$hour: {date: '$d', timezone: 'Nowhere/City'}}", DOC, 40485);
    assertFails("{$hour: {date: '$d', zone: 'UTC'}}", DOC, 40535);
  }

  @Test
  void dateToString() {
    assertEvaluates("{$dateToString: {date: '$d'}}", DOC, "'2014-01-01T08:15:39.736Z'");
    assertEvaluates("{$dateToString: {date: '$d', format: '%Y/%m/%d %H:%M:%S %j %%'}}", DOC,
        "'2014/01/01 08:15:39 001 %'");
    assertEvaluates("{$dateToString: {date: '$x', onNull: 'none'}}", DOC, "'none'");
    assertFails("{$dateToString: {date: '$d', format: '%Q'}}", DOC, 18536);
    assertFails("{$dateToString: {format: '%Y'}}", DOC, 18628);
  }

  @Test
  void dateFromString() {
    assertEvaluates("{$dateFromString: {dateString: '2017-02-08T12:10:40.787Z'}}",
        "{$date: '2017-02-08T12:10:40.787Z'}");
    assertEvaluates("{$dateFromString: {dateString: '2017-02-08'}}", "{$date: '2017-02-08T00:00:00Z'}");
    assertEvaluates("{$dateFromString: {dateString: '2017-02-08T12:10:40', timezone: '+01:00'}}",
        "{$date: '2017-02-08T11:10:40Z'}");
    assertEvaluates("{$dateFromString: {dateString: 'nope', onError: 'bad'}}", "'bad'");
    assertFails("{$dateFromString: {dateString: 'nope'}}", 241);
  }
}
