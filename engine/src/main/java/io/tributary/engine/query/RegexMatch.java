package io.tributary.engine.query;

import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;

/**
 * {@code $regex}: a string or symbol containing a match of the pattern (unanchored, like PCRE's search), or a
 * BSON regular expression with the same pattern and options. Immutable and thread-safe.
 */
record RegexMatch(BsonRegularExpression source, Pattern pattern) implements ValuePredicate {

  static RegexMatch of(BsonRegularExpression regex) {
    return new RegexMatch(regex, RegexTranslator.compile(regex.getPattern(), regex.getOptions()));
  }

  @Override
  public boolean test(BsonValue value) {
    if (value == null) {
      return false;
    }
    if (value.isString()) {
      return pattern.matcher(value.asString().getValue()).find();
    }
    if (value.isSymbol()) {
      return pattern.matcher(value.asSymbol().getSymbol()).find();
    }
    return value.isRegularExpression() && value.asRegularExpression().equals(source);
  }
}
