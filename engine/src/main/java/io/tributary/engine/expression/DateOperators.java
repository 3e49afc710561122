package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Date parts ({@code $year $month $dayOfMonth $hour $minute $second $millisecond $dayOfWeek $dayOfYear $week
 * $isoWeek $isoWeekYear $isoDayOfWeek}, each taking a date or {@code {date, timezone}}), {@code $dateToString}
 * and {@code $dateFromString}.
 */
final class DateOperators {
  private DateOperators() {}

  static void register(OperatorTable table) {
    part(table, "$year", ZonedDateTime::getYear);
    part(table, "$month", ZonedDateTime::getMonthValue);
    part(table, "$dayOfMonth", ZonedDateTime::getDayOfMonth);
    part(table, "$hour", ZonedDateTime::getHour);
    part(table, "$minute", ZonedDateTime::getMinute);
    part(table, "$second", ZonedDateTime::getSecond);
    part(table, "$millisecond", t -> t.getNano() / 1_000_000);
    part(table, "$dayOfWeek", t -> t.getDayOfWeek().getValue() % 7 + 1);
    part(table, "$dayOfYear", ZonedDateTime::getDayOfYear);
    part(table, "$week", t -> t.get(WeekFields.SUNDAY_START.weekOfYear()));
    part(table, "$isoWeek", t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    part(table, "$isoWeekYear", t -> t.get(IsoFields.WEEK_BASED_YEAR));
    part(table, "$isoDayOfWeek", t -> t.getDayOfWeek().getValue());
    table.custom("$dateToString", DateOperators::dateToString);
    table.custom("$dateFromString", DateOperators::dateFromString);
  }

  private static void part(OperatorTable table, String name, ToIntFunction<ZonedDateTime> part) {
    table.custom(name, (operand, context) -> {
      Expression[] arguments = dateAndZone(name, operand, context);
      Expression date = arguments[0];
      Expression timezone = arguments[1];
      return scope -> {
        BsonValue value = date.evaluate(scope);
        BsonValue zone = timezone == null ? null : timezone.evaluate(scope);
        if (Values.isNullish(value) || (timezone != null && Values.isNullish(zone))) {
          return BsonNull.VALUE;
        }
        return new BsonInt32(part.applyAsInt(Dates.instant(value).atZone(Dates.zone(zone))));
      };
    });
  }

  /** The date expression and the (possibly null) timezone expression of a date-part operator. */
  private static Expression[] dateAndZone(String name, BsonValue operand, ParseContext context) {
    if (operand.isDocument() && !Expressions.isOperator(operand.asDocument()) && operand.asDocument()
        .containsKey("date")) {
      BsonDocument spec = operand.asDocument();
      for (String key : spec.keySet()) {
        if (!key.equals("date") && !key.equals("timezone")) {
          throw ErrorCode.location(40535).error("unrecognized option to " + name + ": \"" + key + "\"");
        }
      }
      Expression timezone = spec.containsKey("timezone") ? Expressions.parse(spec.get("timezone"), context) : null;
      return new Expression[] {Expressions.parse(spec.get("date"), context), timezone};
    }
    List<Expression> arguments = OperatorTable.arguments(operand, context);
    if (arguments.size() != 1) {
      throw ErrorCode.location(16020).error("Expression " + name + " takes exactly 1 arguments. "
          + arguments.size() + " were passed in.");
    }
    return new Expression[] {arguments.get(0), null};
  }

  private static Expression dateToString(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$dateToString", operand, context,
        Set.of("date", "format", "timezone", "onNull"), 18629, 18534);
    Expression date = arguments.required("date", 18628);
    Expression format = arguments.optional("format");
    Expression timezone = arguments.optional("timezone");
    Expression onNull = arguments.optional("onNull");
    return scope -> {
      BsonValue value = date.evaluate(scope);
      if (Values.isNullish(value)) {
        return onNull == null ? BsonNull.VALUE : onNull.evaluate(scope);
      }
      BsonValue pattern = format == null ? new BsonString(Dates.DEFAULT_FORMAT) : format.evaluate(scope);
      BsonValue zone = timezone == null ? null : timezone.evaluate(scope);
      if (Values.isNullish(pattern) || (timezone != null && Values.isNullish(zone))) {
        return BsonNull.VALUE;
      }
      if (!pattern.isString()) {
        throw ErrorCode.location(18533).error("$dateToString requires that 'format' be a string, found: "
            + Values.typeName(pattern) + " with value " + Values.format(pattern));
      }
      return new BsonString(Dates.format(Dates.instant(value), Dates.zone(zone), pattern.asString().getValue()));
    };
  }

  private static Expression dateFromString(BsonValue operand, ParseContext context) {
    NamedArguments arguments = NamedArguments.parse("$dateFromString", operand, context,
        Set.of("dateString", "format", "timezone", "onError", "onNull"), 40540, 40541);
    Expression text = arguments.required("dateString", 40542);
    Expression format = arguments.optional("format");
    Expression timezone = arguments.optional("timezone");
    Expression onError = arguments.optional("onError");
    Expression onNull = arguments.optional("onNull");
    return scope -> {
      BsonValue value = text.evaluate(scope);
      if (Values.isNullish(value)) {
        return onNull == null ? BsonNull.VALUE : onNull.evaluate(scope);
      }
      try {
        if (!value.isString()) {
          throw ErrorCode.CONVERSION_FAILURE.error("$dateFromString requires that 'dateString' be a string, "
              + "found: " + Values.typeName(value) + " with value " + Values.format(value));
        }
        BsonValue zone = timezone == null ? null : timezone.evaluate(scope);
        BsonValue layout = format == null ? null : format.evaluate(scope);
        if (layout != null && !Values.isNullish(layout) && !layout.isString()) {
          throw ErrorCode.location(40684).error("$dateFromString requires that 'format' be a string, found: "
              + Values.typeName(layout) + " with value " + Values.format(layout));
        }
        String string = value.asString().getValue();
        return new BsonDateTime((Values.isNullish(layout) ? Dates.parse(string, Dates.zone(zone))
            : Dates.parse(string, layout.asString().getValue(), Dates.zone(zone))).toEpochMilli());
      } catch (MongoError e) {
        if (onError == null || e.code() != ErrorCode.CONVERSION_FAILURE) {
          throw e;
        }
        return onError.evaluate(scope);
      }
    };
  }
}
