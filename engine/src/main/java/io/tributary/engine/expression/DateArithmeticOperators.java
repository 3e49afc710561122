package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import org.bson.BsonDateTime;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/** {@code $dateAdd $dateSubtract $dateDiff $dateTrunc}. Any null or missing argument gives null. */
final class DateArithmeticOperators {
  private DateArithmeticOperators() {}

  static void register(OperatorTable table) {
    table.custom("$dateAdd", (operand, context) -> shift("$dateAdd", operand, context, 1));
    table.custom("$dateSubtract", (operand, context) -> shift("$dateSubtract", operand, context, -1));
    table.custom("$dateDiff", DateArithmeticOperators::difference);
    table.custom("$dateTrunc", DateArithmeticOperators::truncate);
  }

  /** The evaluated named arguments of one call; null when one of them is null or missing. */
  private static BsonValue[] values(Scope scope, Expression... expressions) {
    BsonValue[] values = new BsonValue[expressions.length];
    for (int i = 0; i < expressions.length; i++) {
      values[i] = expressions[i] == null ? null : expressions[i].evaluate(scope);
      if (expressions[i] != null && Values.isNullish(values[i])) {
        return null;
      }
    }
    return values;
  }

  private static ZonedDateTime time(BsonValue date, BsonValue timezone) {
    ZoneId zone = Dates.zone(timezone);
    return Dates.instant(date).atZone(zone);
  }

  private static Expression shift(String name, BsonValue operand, ParseContext context, int sign) {
    NamedArguments arguments = NamedArguments.parse(name, operand, context,
        Set.of("startDate", "unit", "amount", "timezone"), 5166400, 5166401);
    Expression start = arguments.required("startDate", 5166402);
    Expression unit = arguments.required("unit", 5166402);
    Expression amount = arguments.required("amount", 5166402);
    Expression timezone = arguments.optional("timezone");
    return scope -> {
      BsonValue[] v = values(scope, start, unit, amount, timezone);
      if (v == null) {
        return BsonNull.VALUE;
      }
      if (!Numbers.isNumber(v[2]) || Numbers.toDouble(v[2]) != Math.rint(Numbers.toDouble(v[2]))) {
        throw ErrorCode.location(5166405).error(name + " expects integer amount of time units");
      }
      ZonedDateTime shifted = DateUnit.of(name, v[1]).add(time(v[0], v[3]), sign * Numbers.toLong(v[2]));
      return new BsonDateTime(shifted.toInstant().toEpochMilli());
    };
  }

  private static Expression difference(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$dateDiff", operand, context,
        Set.of("startDate", "endDate", "unit", "timezone", "startOfWeek"), 5166301, 5166302);
    Expression start = arguments.required("startDate", 5166303);
    Expression end = arguments.required("endDate", 5166304);
    Expression unit = arguments.required("unit", 5166305);
    Expression timezone = arguments.optional("timezone");
    Expression startOfWeek = arguments.optional("startOfWeek");
    return scope -> {
      BsonValue[] v = values(scope, start, end, unit, timezone, startOfWeek);
      if (v == null) {
        return BsonNull.VALUE;
      }
      return new BsonInt64(DateUnit.of("$dateDiff", v[2])
          .difference(time(v[0], v[3]), time(v[1], v[3]), dayOfWeek(v[4])));
    };
  }

  private static Expression truncate(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$dateTrunc", operand, context,
        Set.of("date", "unit", "binSize", "timezone", "startOfWeek"), 5439007, 5439008);
    Expression date = arguments.required("date", 5439009);
    Expression unit = arguments.required("unit", 5439010);
    Expression binSize = arguments.optional("binSize");
    Expression timezone = arguments.optional("timezone");
    Expression startOfWeek = arguments.optional("startOfWeek");
    return scope -> {
      BsonValue[] v = values(scope, date, unit, binSize, timezone, startOfWeek);
      if (v == null) {
        return BsonNull.VALUE;
      }
      long bins = v[2] == null ? 1 : Numbers.toLong(v[2]);
      if (v[2] != null && (!Numbers.isNumber(v[2]) || bins <= 0)) {
        throw ErrorCode.location(5439017).error("$dateTrunc requires 'binSize' to be greater than 0, but got value "
            + Values.format(v[2]));
      }
      Instant truncated = DateUnit.of("$dateTrunc", v[1]).truncate(time(v[0], v[3]), bins, dayOfWeek(v[4]))
          .toInstant();
      return new BsonDateTime(truncated.toEpochMilli());
    };
  }

  /** {@code startOfWeek}: a day name or its three-letter abbreviation, Sunday by default. */
  private static DayOfWeek dayOfWeek(BsonValue value) {
    if (value == null) {
      return DayOfWeek.SUNDAY;
    }
    String name = value.isString() ? value.asString().getValue().toUpperCase(Locale.ROOT) : "";
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(name) || day.name().startsWith(name) && name.length() == 3) {
        return day;
      }
    }
    throw ErrorCode.location(5439015).error("unknown startOfWeek value: " + Values.format(value));
  }
}
