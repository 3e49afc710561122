package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.bson.BsonValue;

/**
 * The time units of {@code $dateAdd $dateSubtract $dateDiff $dateTrunc}. Calendar units (year, quarter, month,
 * week, day) work on the wall clock of the time zone; the others on elapsed time.
 */
enum DateUnit {
  YEAR(ChronoUnit.YEARS, 12), QUARTER(ChronoUnit.MONTHS, 3), MONTH(ChronoUnit.MONTHS, 1), WEEK(ChronoUnit.WEEKS, 1),
  DAY(ChronoUnit.DAYS, 1), HOUR(ChronoUnit.HOURS, 1), MINUTE(ChronoUnit.MINUTES, 1), SECOND(ChronoUnit.SECONDS, 1),
  MILLISECOND(ChronoUnit.MILLIS, 1);

  private static final LocalDateTime REFERENCE = LocalDateTime.of(2000, 1, 1, 0, 0);

  private final ChronoUnit chrono;
  /** For the month-based units, how many months one unit is. */
  private final int months;

  DateUnit(ChronoUnit chrono, int months) {
    this.chrono = chrono;
    this.months = months;
  }

  static DateUnit of(String operator, BsonValue unit) {
    if (unit == null || !unit.isString()) {
      throw ErrorCode.location(5439013).error(operator + " requires 'unit' to be a string, but got "
          + Values.typeName(unit));
    }
    try {
      return valueOf(unit.asString().getValue().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ErrorCode.location(5439014).error(operator + " parameter 'unit' value parsing failed :: caused by :: "
          + "unknown time unit value: " + unit.asString().getValue());
    }
  }

  private boolean monthBased() {
    return chrono == ChronoUnit.MONTHS;
  }

  ZonedDateTime add(ZonedDateTime time, long amount) {
    if (monthBased()) {
      return time.plusMonths(Math.multiplyExact(amount, months));
    }
    // ZonedDateTime adds days and weeks on the zone's calendar (a day is not always 24 hours), hours and
    // smaller units as elapsed time: the semantics $dateAdd documents.
    return time.plus(amount, chrono);
  }

  /** How many unit boundaries lie between {@code start} and {@code end} (negative when end is before start). */
  long difference(ZonedDateTime start, ZonedDateTime end, DayOfWeek startOfWeek) {
    if (monthBased()) {
      return Math.floorDiv(monthIndex(end), months) - Math.floorDiv(monthIndex(start), months);
    }
    return chrono.between(truncate(start, 1, startOfWeek), truncate(end, 1, startOfWeek));
  }

  private static long monthIndex(ZonedDateTime time) {
    return time.getYear() * 12L + time.getMonthValue() - 1;
  }

  /** The start of the {@code binSize}-unit bin holding {@code time}, bins counted from 2000-01-01 in the zone. */
  ZonedDateTime truncate(ZonedDateTime time, long binSize, DayOfWeek startOfWeek) {
    LocalDateTime local = time.toLocalDateTime();
    LocalDateTime start;
    if (monthBased()) {
      long index = monthIndex(time) - (REFERENCE.getYear() * 12L);
      long bin = Math.floorDiv(index, binSize * months) * binSize * months;
      start = REFERENCE.plusMonths(bin);
    } else {
      LocalDateTime reference = this == WEEK
          ? REFERENCE.with(TemporalAdjusters.nextOrSame(startOfWeek)) : REFERENCE;
      long units = chrono.between(reference, local);
      long bin = Math.floorDiv(local.isBefore(reference.plus(units, chrono)) ? units - 1 : units, binSize) * binSize;
      start = reference.plus(bin, chrono);
    }
    return start.atZone(time.getZone());
  }
}
