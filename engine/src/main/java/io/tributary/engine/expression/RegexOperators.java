package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code $regexMatch $regexFind $regexFindAll} ({@code {input, regex, options}}). Patterns run on
 * {@link java.util.regex}, which accepts the PCRE subset applications use; {@code idx} counts code points.
 */
final class RegexOperators {
  private RegexOperators() {}

  /** What one operator makes of the matcher once input and pattern are known; null input is {@code onNull}. */
  private interface Outcome {
    BsonValue of(Matcher matcher, String input);
  }

  static void register(OperatorTable table) {
    table.custom("$regexMatch", (operand, context) -> regex("$regexMatch", operand, context,
        BsonBoolean.FALSE, (m, input) -> BsonBoolean.valueOf(m.find())));
    table.custom("$regexFind", (operand, context) -> regex("$regexFind", operand, context,
        BsonNull.VALUE, (m, input) -> m.find() ? match(m, input) : BsonNull.VALUE));
    table.custom("$regexFindAll", (operand, context) -> regex("$regexFindAll", operand, context,
        new BsonArray(), RegexOperators::all));
  }

  private static Expression regex(String name, BsonValue operand, ParseContext context, BsonValue onNull,
      Outcome outcome) {
    NamedArguments arguments =
        NamedArguments.parse(name, operand, context, Set.of("input", "regex", "options"), 51103, 31024);
    Expression input = arguments.required("input", 31022);
    Expression regex = arguments.required("regex", 31023);
    Expression options = arguments.optional("options");
    // A constant pattern (the usual case) is compiled once, at parse time.
    Pattern constant = regex instanceof Constant && (options == null || options instanceof Constant)
        ? pattern(name, ((Constant) regex).value(), options == null ? null : ((Constant) options).value()) : null;
    return scope -> {
      BsonValue text = input.evaluate(scope);
      Pattern pattern = constant != null ? constant
          : pattern(name, regex.evaluate(scope), options == null ? null : options.evaluate(scope));
      if (Values.isNullish(text) || pattern == null) {
        return onNull;
      }
      if (!text.isString()) {
        throw ErrorCode.location(51104).error(name + " needs 'input' to be of type string");
      }
      String string = text.asString().getValue();
      return outcome.of(pattern.matcher(string), string);
    };
  }

  private static Pattern pattern(String name, BsonValue regex, BsonValue options) {
    if (options != null && !Values.isNullish(options) && !options.isString()) {
      throw ErrorCode.location(51106).error(name + " needs 'options' to be of type string");
    }
    String flags = Values.isNullish(options) ? "" : options.asString().getValue();
    String source;
    if (Values.isNullish(regex)) {
      return null;
    } else if (regex.isString()) {
      source = regex.asString().getValue();
    } else if (regex.isRegularExpression()) {
      source = regex.asRegularExpression().getPattern();
      String own = regex.asRegularExpression().getOptions();
      if (!own.isEmpty() && !flags.isEmpty()) {
        throw ErrorCode.location(51075).error(name
            + ": regex option(s) specified in both 'regex' and 'option' fields");
      }
      flags = flags.isEmpty() ? own : flags;
    } else {
      throw ErrorCode.location(51105).error(name + " needs 'regex' to be of type string or regex");
    }
    try {
      return Pattern.compile(source, javaFlags(name, flags));
    } catch (PatternSyntaxException e) {
      throw ErrorCode.location(51111).error("Invalid Regex in " + name + ": " + e.getDescription());
    }
  }

  static int javaFlags(String name, String options) {
    int flags = 0;
    for (char option : options.toCharArray()) {
      switch (option) {
        case 'i':
          flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
          break;
        case 'm':
          flags |= Pattern.MULTILINE;
          break;
        case 's':
          flags |= Pattern.DOTALL;
          break;
        case 'x':
          flags |= Pattern.COMMENTS;
          break;
        case 'u':
          break;
        default:
          throw ErrorCode.location(51108).error(name + " invalid flag in regex options: " + option);
      }
    }
    return flags;
  }

  private static BsonValue match(Matcher matcher, String input) {
    BsonArray captures = new BsonArray();
    for (int group = 1; group <= matcher.groupCount(); group++) {
      String captured = matcher.group(group);
      captures.add(captured == null ? BsonNull.VALUE : new BsonString(captured));
    }
    return new BsonDocument("match", new BsonString(matcher.group()))
        .append("idx", new BsonInt32(input.codePointCount(0, matcher.start())))
        .append("captures", captures);
  }

  private static BsonValue all(Matcher matcher, String input) {
    BsonArray matches = new BsonArray();
    while (matcher.find()) {
      matches.add(match(matcher, input));
    }
    return matches;
  }
}
