package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles MongoDB's PCRE regular expressions and option letters to {@link Pattern}s.
 *
 * <p>Options: {@code i} case-insensitive (Unicode, as PCRE in UTF mode), {@code m} multiline, {@code s} dotall,
 * {@code x} extended, {@code u} accepted and ignored (always UTF-8); any other letter fails with 51108 as mongod
 * does. The pattern syntax mostly agrees; rewritten here are POSIX classes inside brackets
 * ({@code [[:alpha:]]}), Python-style named groups ({@code (?P<n>...)}, {@code (?P=n)}), braces that start no
 * quantifier and {@code [ & ]} inside classes (literals in PCRE), and {@code .} and {@code $} see only
 * {@code \n} as a line end. Stateless and thread-safe.
 */
final class RegexTranslator {
  private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
      Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("ascii", "\\p{ASCII}"));

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

  private RegexTranslator() {}

  static Pattern compile(String pattern, String options) {
    if (pattern.indexOf('\0') >= 0) {
      throw ErrorCode.location(51109).error("Regular expression cannot contain an embedded null byte");
    }
    int flags = flags(options) | Pattern.UNIX_LINES; // PCRE's only line terminator is \n
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
    StringBuilder out = new StringBuilder(pattern.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        i = escape(pattern, i, out);
      } else if (inClass) {
        i = classCharacter(pattern, i, out);
        inClass = c != ']';
      } else if (c == '[') {
        i = openClass(pattern, i, out);
        inClass = true;
      } else if (c == '{' && !QUANTIFIER.matcher(pattern).region(i, pattern.length()).lookingAt()) {
        out.append("\\{"); // PCRE reads a brace that starts no quantifier literally; Java rejects it
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

  /** Copies an escape sequence ({@code \Q...\E} whole); returns the index of its last character. */
  private static int escape(String pattern, int i, StringBuilder out) {
    if (pattern.charAt(i + 1) == 'Q') {
      int end = pattern.indexOf("\\E", i + 2);
      int last = end < 0 ? pattern.length() : end + 2;
      out.append(pattern, i, last);
      return last - 1;
    }
    out.append(pattern, i, i + 2);
    return i + 1;
  }

  /** Opens a character class; a {@code ]} right after {@code [} or {@code [^} is a literal in PCRE. */
  private static int openClass(String pattern, int i, StringBuilder out) {
    out.append('[');
    int next = i + 1;
    if (pattern.startsWith("^", next)) {
      out.append('^');
      next++;
    }
    if (pattern.startsWith("]", next)) {
      out.append("\\]");
      next++;
    }
    return next - 1;
  }

  /**
   * One character inside a class: POSIX classes become Java's, and {@code [} and {@code &}, which Java reads
   * as nested classes and intersections, are escaped. Returns the index of the last character consumed.
   */
  private static int classCharacter(String pattern, int i, StringBuilder out) {
    char c = pattern.charAt(i);
    if (c == '[' && pattern.startsWith("[:", i) && pattern.indexOf(":]", i) > 0) {
      int end = pattern.indexOf(":]", i);
      String name = pattern.substring(i + 2, end);
      boolean negated = name.startsWith("^");
      String javaClass = POSIX_CLASSES.get(negated ? name.substring(1) : name);
      if (javaClass != null) {
        out.append(negated ? negate(javaClass) : javaClass);
        return end + 1;
      }
    }
    out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
    return i;
  }

  private static String negate(String javaClass) {
    return javaClass.startsWith("\\p") ? "\\P" + javaClass.substring(2) : javaClass.toUpperCase(Locale.ROOT);
  }
}
