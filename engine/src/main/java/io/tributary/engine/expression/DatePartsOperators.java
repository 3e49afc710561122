package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $dateFromParts} (calendar or ISO week parts; out-of-range parts carry over, as in mongod) and
 * {@code $dateToParts}.
 */
final class DatePartsOperators {
  private static final Set<String> CALENDAR = Set.of("year", "month", "day", "hour", "minute", "second",
      "millisecond", "timezone");
  private static final Set<String> ISO = Set.of("isoWeekYear", "isoWeek", "isoDayOfWeek", "hour", "minute",
      "second", "millisecond", "timezone");

  private DatePartsOperators() {}

  static void register(OperatorTable table) {
    table.custom("$dateFromParts", DatePartsOperators::fromParts);
    table.custom("$dateToParts", DatePartsOperators::toParts);
  }

  private static Expression fromParts(BsonValue operand, ParseContext context) {
    boolean iso = operand.isDocument() && operand.asDocument().containsKey("isoWeekYear");
    Set<String> allowed = new HashSet<>(CALENDAR);
    allowed.addAll(ISO);
    NamedArguments arguments = NamedArguments.parse("$dateFromParts", operand, context, allowed, 40519, 40518);
    if (iso ? !ISO.containsAll(operand.asDocument().keySet()) : operand.asDocument().containsKey("isoWeek")) {
      throw ErrorCode.location(40489).error("$dateFromParts does not allow mixing natural dates with ISO dates");
    }
    Map<String, Expression> parts = new LinkedHashMap<>();
    for (String name : iso ? ISO : CALENDAR) {
      if (arguments.has(name)) {
        parts.put(name, arguments.optional(name));
      }
    }
    if (!parts.containsKey(iso ? "isoWeekYear" : "year")) {
      throw ErrorCode.location(40516).error("$dateFromParts requires either 'year' or 'isoWeekYear' to be present");
    }
    return scope -> {
      Map<String, BsonValue> values = new LinkedHashMap<>();
      for (Map.Entry<String, Expression> part : parts.entrySet()) {
        BsonValue value = part.getValue().evaluate(scope);
        if (Values.isNullish(value)) {
          return BsonNull.VALUE;
        }
        values.put(part.getKey(), value);
      }
      LocalDateTime local = iso ? isoDate(values) : calendarDate(values);
      ZonedDateTime time = local.atZone(Dates.zone(values.get("timezone")));
      return new BsonDateTime(time.toInstant().toEpochMilli());
    };
  }

  private static long part(Map<String, BsonValue> values, String name, long fallback, long min, long max) {
    BsonValue value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!Numbers.isNumber(value) || Numbers.toDouble(value) != Math.rint(Numbers.toDouble(value))) {
      throw ErrorCode.location(40515).error("'" + name + "' must evaluate to an integer, found "
          + Values.typeName(value) + " with value " + Values.format(value));
    }
    long part = Numbers.toLong(value);
    if (part < min || part > max) {
      throw ErrorCode.location(31034).error("'" + name + "' must evaluate to a value in the range [" + min + ", "
          + max + "]; value " + part + " is not in range");
    }
    return part;
  }

  private static LocalDateTime withTime(LocalDate date, Map<String, BsonValue> values) {
    return date.atStartOfDay()
        .plusHours(part(values, "hour", 0, -32768, 32767))
        .plusMinutes(part(values, "minute", 0, -32768, 32767))
        .plusSeconds(part(values, "second", 0, -32768, 32767))
        .plusNanos(part(values, "millisecond", 0, -32768, 32767) * 1_000_000);
  }

  private static LocalDateTime calendarDate(Map<String, BsonValue> values) {
    LocalDate date = LocalDate.of((int) part(values, "year", 1970, 1, 9999), 1, 1)
        .plusMonths(part(values, "month", 1, -32768, 32767) - 1)
        .plusDays(part(values, "day", 1, -32768, 32767) - 1);
    return withTime(date, values);
  }

  private static LocalDateTime isoDate(Map<String, BsonValue> values) {
    LocalDate firstWeek = LocalDate.of((int) part(values, "isoWeekYear", 1970, 1, 9999), 1, 4)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate date = firstWeek.plusWeeks(part(values, "isoWeek", 1, -32768, 32767) - 1)
        .plusDays(part(values, "isoDayOfWeek", 1, -32768, 32767) - 1);
    return withTime(date, values);
  }

  private static Expression toParts(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$dateToParts", operand, context,
        Set.of("date", "timezone", "iso8601"), 40524, 40520);
    Expression date = arguments.required("date", 40522);
    Expression timezone = arguments.optional("timezone");
    Expression iso8601 = arguments.optional("iso8601");
    return scope -> {
      BsonValue value = date.evaluate(scope);
      BsonValue zone = timezone == null ? null : timezone.evaluate(scope);
      BsonValue iso = iso8601 == null ? BsonBoolean.FALSE : iso8601.evaluate(scope);
      if (Values.isNullish(value) || (timezone != null && Values.isNullish(zone)) || Values.isNullish(iso)) {
        return BsonNull.VALUE;
      }
      ZonedDateTime time = Dates.instant(value).atZone(Dates.zone(zone));
      BsonDocument parts = Values.truthy(iso)
          ? new BsonDocument("isoWeekYear", new BsonInt32(time.get(IsoFields.WEEK_BASED_YEAR)))
              .append("isoWeek", new BsonInt32(time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)))
              .append("isoDayOfWeek", new BsonInt32(time.getDayOfWeek().getValue()))
          : new BsonDocument("year", new BsonInt32(time.getYear()))
              .append("month", new BsonInt32(time.getMonthValue()))
              .append("day", new BsonInt32(time.getDayOfMonth()));
      return parts.append("hour", new BsonInt32(time.getHour()))
          .append("minute", new BsonInt32(time.getMinute()))
          .append("second", new BsonInt32(time.getSecond()))
          .append("millisecond", new BsonInt32(time.getNano() / 1_000_000));
    };
  }
}
