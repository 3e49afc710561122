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
    assertEvaluates("{$dateFromString: {dateString: '15/06/2018 13:45', format: '%d/%m/%Y %H:%M'}}",
        "{$date: '2018-06-15T13:45:00Z'}");
    assertEvaluates("{$dateFromString: {dateString: '2018-06-15 +0200', format: '%Y-%m-%d %z'}}",
        "{$date: '2018-06-14T22:00:00Z'}");
    assertEvaluates("{$dateFromString: {dateString: '2018-166', format: '%Y-%j'}}", "{$date: '2018-06-15T00:00:00Z'}");
    assertFails("{$dateFromString: {dateString: '2018', format: '%Y-%m'}}", 241);
    assertFails("{$dateFromString: {dateString: 'nope'}}", 241);
  }

  @Test
  void dateAddAndSubtract() {
    assertEvaluates("{$dateAdd: {startDate: '$d', unit: 'day', amount: 2}}", DOC, "{$date: '2014-01-03T08:15:39.736Z'}");
    assertEvaluates("{$dateAdd: {startDate: {$date: '2020-01-31T00:00:00Z'}, unit: 'month', amount: 1}}",
        "{$date: '2020-02-29T00:00:00Z'}");
    assertEvaluates("{$dateAdd: {startDate: '$d', unit: 'quarter', amount: 1}}", DOC,
        "{$date: '2014-04-01T08:15:39.736Z'}");
    assertEvaluates("{$dateSubtract: {startDate: '$d', unit: 'hour', amount: 9}}", DOC,
        "{$date: '2013-12-31T23:15:39.736Z'}");
    assertEvaluates("{$dateAdd: {startDate: '$missing', unit: 'day', amount: 1}}", "null");
    assertFails("{$dateAdd: {startDate: '$d', unit: 'fortnight', amount: 1}}", DOC, 5439014);
    assertFails("{$dateAdd: {startDate: '$d', unit: 'day', amount: 1.5}}", DOC, 5166405);
  }

  @Test
  void dateDiffCountsBoundaries() {
    assertEvaluates("{$dateDiff: {startDate: {$date: '2020-12-31T23:59:00Z'}, endDate: {$date: '2021-01-01T00:01:00Z'},"
        + " unit: 'year'}}", "{$numberLong: '1'}");
    assertEvaluates("{$dateDiff: {startDate: {$date: '2020-01-01T00:00:00Z'}, endDate: {$date: '2020-03-15T00:00:00Z'},"
        + " unit: 'day'}}", "{$numberLong: '74'}");
    assertEvaluates("{$dateDiff: {startDate: {$date: '2020-03-15T00:00:00Z'}, endDate: {$date: '2020-01-01T00:00:00Z'},"
        + " unit: 'month'}}", "{$numberLong: '-2'}");
    assertEvaluates("{$dateDiff: {startDate: {$date: '2021-01-02T00:00:00Z'}, endDate: {$date: '2021-01-04T00:00:00Z'},"
        + " unit: 'week'}}", "{$numberLong: '1'}");
  }

  @Test
  void dateTrunc() {
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'day'}}", DOC, "{$date: '2014-01-01T00:00:00Z'}");
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'month'}}", DOC, "{$date: '2014-01-01T00:00:00Z'}");
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'hour', binSize: 6}}", DOC, "{$date: '2014-01-01T06:00:00Z'}");
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'week'}}", DOC, "{$date: '2013-12-29T00:00:00Z'}");
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'week', startOfWeek: 'monday'}}", DOC,
        "{$date: '2013-12-30T00:00:00Z'}");
    assertEvaluates("{$dateTrunc: {date: '$d', unit: 'quarter'}}", "{d: {$date: '2014-05-20T00:00:00Z'}}",
        "{$date: '2014-04-01T00:00:00Z'}");
  }

  @Test
  void dateFromAndToParts() {
    assertEvaluates("{$dateFromParts: {year: 2017, month: 2, day: 8, hour: 12}}", "{$date: '2017-02-08T12:00:00Z'}");
    assertEvaluates("{$dateFromParts: {year: 2017, month: 14, day: 1}}", "{$date: '2018-02-01T00:00:00Z'}");
    assertEvaluates("{$dateFromParts: {year: 2017, hour: 1, timezone: '+01:00'}}", "{$date: '2017-01-01T00:00:00Z'}");
    assertEvaluates("{$dateFromParts: {isoWeekYear: 2017, isoWeek: 6, isoDayOfWeek: 3}}",
        "{$date: '2017-02-08T00:00:00Z'}");
    assertFails("{$dateFromParts: {month: 1}}", 40516);
    assertFails("{$dateFromParts: {year: 0}}", 31034);
    assertEvaluates("{$dateToParts: {date: '$d'}}", DOC,
        "{year: 2014, month: 1, day: 1, hour: 8, minute: 15, second: 39, millisecond: 736}");
    assertEvaluates("{$dateToParts: {date: '$d', iso8601: true}}", DOC,
        "{isoWeekYear: 2014, isoWeek: 1, isoDayOfWeek: 3, hour: 8, minute: 15, second: 39, millisecond: 736}");
  }
}
