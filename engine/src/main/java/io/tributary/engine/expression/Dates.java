package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.WeekFields;
import org.bson.BsonValue;

/** Dates in the aggregation language: coercion to an instant, time zones, mongod's format specifiers. */
final class Dates {
  static final String DEFAULT_FORMAT = "%Y-%m-%dT%H:%M:%S.%LZ";

  private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ')
      .optionalEnd().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private Dates() {}

  /** A date, timestamp or ObjectId as an instant; other types fail with 16006. */
  static Instant instant(BsonValue value) {
    switch (value.getBsonType()) {
      case DATE_TIME:
        return Instant.ofEpochMilli(value.asDateTime().getValue());
      case TIMESTAMP:
        return Instant.ofEpochSecond(value.asTimestamp().getTime());
      case OBJECT_ID:
        return Instant.ofEpochSecond(value.asObjectId().getValue().getTimestamp());
      default:
        throw ErrorCode.location(16006).error("can't convert from BSON type " + Values.typeName(value)
            + " to Date");
    }
  }

  /** An Olson identifier or UTC offset ({@code "+05:30"}, {@code "-0800"}, {@code "+03"}); null means UTC. */
  static ZoneId zone(BsonValue timezone) {
    if (Values.isNullish(timezone)) {
      return ZoneOffset.UTC;
    }
    if (!timezone.isString()) {
      throw ErrorCode.location(40517).error("timezone must evaluate to a string, found "
          + Values.typeName(timezone));
    }
    String id = timezone.asString().getValue();
    try {
      return id.startsWith("+") || id.startsWith("-") ? ZoneOffset.of(id) : ZoneId.of(id);
    } catch (DateTimeException e) {
      throw ErrorCode.location(40485).error("unrecognized time zone identifier: \"" + id + "\"");
    }
  }

  /** Parses an ISO-8601 style date string ("2017-02-08", "2017-02-08T12:10:40.787Z", "... +0530"). */
  static Instant parse(String text, ZoneId zone) {
    try {
      TemporalAccessor parsed = LENIENT_ISO.parse(text.trim());
      LocalDate date = LocalDate.from(parsed);
      LocalDateTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
          ? LocalDateTime.of(date, LocalTime.from(parsed)) : date.atStartOfDay();
      ZoneId effective = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : zone;
      return time.atZone(effective).toInstant();
    } catch (DateTimeException e) {
      throw ErrorCode.CONVERSION_FAILURE.error("Error parsing date string '" + text + "'; " + e.getMessage());
    }
  }

  /** Parses {@code text} laid out as a mongod {@code %} format ({@code %Y %m %d %H %M %S %L %j %z %%}). */
  static Instant parse(String text, String format, ZoneId zone) {
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        builder.appendLiteral(c);
        continue;
      }
      if (++i == format.length()) {
        throw ErrorCode.location(18535).error("Unmatched '%' at end of format string");
      }
      appendParser(builder, format.charAt(i));
    }
    DateTimeFormatter formatter = builder.toFormatter();
    try {
      TemporalAccessor parsed = formatter.parse(text);
      // The formatter resolves year + day-of-year into a date itself; other parts default like mongod's.
      LocalDate date = parsed.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.from(parsed)
          : LocalDate.of(parsed.get(ChronoField.YEAR), Math.max(1, field(parsed, ChronoField.MONTH_OF_YEAR)),
              Math.max(1, field(parsed, ChronoField.DAY_OF_MONTH)));
      LocalTime time = LocalTime.of(field(parsed, ChronoField.HOUR_OF_DAY), field(parsed, ChronoField.MINUTE_OF_HOUR),
          field(parsed, ChronoField.SECOND_OF_MINUTE), field(parsed, ChronoField.MILLI_OF_SECOND) * 1_000_000);
      ZoneId effective = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : zone;
      return LocalDateTime.of(date, time).atZone(effective).toInstant();
    } catch (DateTimeException e) {
      throw ErrorCode.CONVERSION_FAILURE.error("Error parsing date string '" + text + "'; " + e.getMessage());
    }
  }

  private static int field(TemporalAccessor parsed, ChronoField field) {
    return parsed.isSupported(field) ? parsed.get(field) : 0;
  }

  private static void appendParser(DateTimeFormatterBuilder builder, char specifier) {
    switch (specifier) {
      case 'Y': builder.appendValue(ChronoField.YEAR, 4); break;
      case 'm': builder.appendValue(ChronoField.MONTH_OF_YEAR, 2); break;
      case 'd': builder.appendValue(ChronoField.DAY_OF_MONTH, 2); break;
      case 'H': builder.appendValue(ChronoField.HOUR_OF_DAY, 2); break;
      case 'M': builder.appendValue(ChronoField.MINUTE_OF_HOUR, 2); break;
      case 'S': builder.appendValue(ChronoField.SECOND_OF_MINUTE, 2); break;
      case 'L': builder.appendValue(ChronoField.MILLI_OF_SECOND, 3); break;
      case 'j': builder.appendValue(ChronoField.DAY_OF_YEAR, 3); break;
      case 'z': builder.appendOffset("+HHMM", "+0000"); break;
      case '%': builder.appendLiteral('%'); break;
      default:
        throw ErrorCode.location(18536).error("Invalid format character '%" + specifier + "' in format string");
    }
  }

  /** Formats with mongod's {@code %} specifiers. */
  static String format(Instant instant, ZoneId zone, String format) {
    ZonedDateTime time = instant.atZone(zone);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i == format.length()) {
        throw ErrorCode.location(18535).error("Unmatched '%' at end of format string");
      }
      out.append(specifier(format.charAt(i), time));
    }
    return out.toString();
  }

  private static String specifier(char c, ZonedDateTime time) {
    switch (c) {
      case 'Y': return pad(time.getYear(), 4);
      case 'm': return pad(time.getMonthValue(), 2);
      case 'd': return pad(time.getDayOfMonth(), 2);
      case 'H': return pad(time.getHour(), 2);
      case 'M': return pad(time.getMinute(), 2);
      case 'S': return pad(time.getSecond(), 2);
      case 'L': return pad(time.getNano() / 1_000_000, 3);
      case 'j': return pad(time.getDayOfYear(), 3);
      case 'w': return Integer.toString(time.getDayOfWeek().getValue() % 7 + 1);
      case 'u': return Integer.toString(time.getDayOfWeek().getValue());
      case 'U': return pad(time.get(WeekFields.SUNDAY_START.weekOfYear()), 2);
      case 'V': return pad(time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
      case 'G': return pad(time.get(IsoFields.WEEK_BASED_YEAR), 4);
      case 'z': return time.getOffset().getId().equals("Z") ? "+0000" : time.getOffset().getId().replace(":", "");
      case 'Z': return Integer.toString(time.getOffset().getTotalSeconds() / 60);
      case '%': return "%";
      default:
        throw ErrorCode.location(18536).error("Invalid format character '%" + c + "' in format string");
    }
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
