package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles MongoDB's PCRE regular expressions and option letters to {@link Pattern}s.
 *
 * <p>Options: {@code i} case-insensitive (Unicode, as PCRE in UTF mode), {@code m} multiline, {@code s} dotall,
 * {@code x} extended, {@code u} accepted and ignored (always UTF-8); any other letter fails with 51108 as mongod
 * does. The pattern syntax mostly agrees; the PCRE-only forms rewritten here are POSIX classes inside brackets
 * ({@code [[:alpha:]]}) and Python-style named groups ({@code (?P<n>...)}, {@code (?P=n)}). Stateless and
 * thread-safe.
 */
final class RegexTranslator {
  private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
      Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("ascii", "\\p{ASCII}"));

  private RegexTranslator() {}

  static Pattern compile(String pattern, String options) {
    if (pattern.indexOf('\0') >= 0) {
      throw ErrorCode.location(51109).error("Regular expression cannot contain an embedded null byte");
    }
    int flags = flags(options);
    try {
      return Pattern.compile(translate(pattern), flags);
    } catch (PatternSyntaxException e) {
      throw ErrorCode.location(51091).error("Regular expression is invalid: " + e.getDescription());
    }
  }

  private static int flags(String options) {
    int flags = 0;
    for (char option : options.toCharArray()) {
      flags |= switch (option) {
        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'm' -> Pattern.MULTILINE;
        case 's' -> Pattern.DOTALL;
        case 'x' -> Pattern.COMMENTS;
        case 'u' -> 0;
        default -> throw ErrorCode.location(51108).error("invalid flag in regex options: " + option);
      };
    }
    return flags;
  }

  static String translate(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (pattern.startsWith("[:", i) && pattern.indexOf(":]", i) > 0
          && POSIX_CLASSES.containsKey(pattern.substring(i + 2, pattern.indexOf(":]", i)))) {
        int end = pattern.indexOf(":]", i);
        out.append(POSIX_CLASSES.get(pattern.substring(i + 2, end)));
        i = end + 1;
      } else if (pattern.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (pattern.startsWith("(?P=", i) && pattern.indexOf(')', i) > 0) {
        int end = pattern.indexOf(')', i);
        out.append("\\k<").append(pattern, i + 4, end).append('>');
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
