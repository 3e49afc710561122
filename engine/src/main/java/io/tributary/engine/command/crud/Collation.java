package io.tributary.engine.command.crud;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.query.MatchResult;
import io.tributary.engine.query.Matcher;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A command's {@code collation}, reduced to what string comparison needs: with {@code strength} 1 or 2, strings
 * compare case-insensitively (strength 1 also ignores accents); strength 3 and above, and the {@code simple}
 * locale, compare by code point. Matching under a collation compares normalized copies of the filter's operands
 * and of the document, so equality, ranges and {@code $in} follow the collation while the document returned
 * stays as stored. Regular expressions and type tests are not affected, as in MongoDB. Immutable.
 */
public record Collation(int strength) {
  public static final Collation SIMPLE = new Collation(3);

  /** Operators whose operands are not values compared under the collation. */
  private static final Set<String> UNCOLLATED = Set.of("$regex", "$options", "$type", "$exists", "$where",
      "$expr", "$jsonSchema", "$text", "$mod", "$size", "$bitsAllSet", "$bitsAllClear", "$bitsAnySet",
      "$bitsAnyClear");

  /** The {@code collation} field of a command or statement; absent means simple. */
  public static Collation of(BsonDocument holder) {
    BsonValue spec = holder.get("collation");
    if (spec == null || spec.isNull()) {
      return SIMPLE;
    }
    if (!spec.isDocument() || !spec.asDocument().isString("locale")) {
      throw ErrorCode.FAILED_TO_PARSE.error("Missing expected field \"locale\"");
    }
    BsonDocument collation = spec.asDocument();
    if (collation.getString("locale").getValue().equals("simple")) {
      return SIMPLE;
    }
    return new Collation(collation.isNumber("strength") ? collation.getNumber("strength").intValue() : 3);
  }

  public boolean isSimple() {
    return strength >= 3;
  }

  /** A matcher for {@code filter} under this collation. */
  public Matcher matcher(BsonDocument filter, SystemVariables variables) {
    if (isSimple()) {
      return Matcher.compile(filter, variables);
    }
    Matcher normalized = Matcher.compile(normalizeFilter(filter), variables);
    return new Matcher() {
      @Override
      public boolean matches(BsonDocument document) {
        return normalized.matches(normalize(document).asDocument());
      }

      @Override
      public MatchResult match(BsonDocument document) {
        return normalized.match(normalize(document).asDocument());
      }
    };
  }

  /** The comparison key of a value: strings folded, documents and arrays folded element by element. */
  public BsonValue normalize(BsonValue value) {
    if (isSimple()) {
      return value;
    }
    if (value.isString()) {
      return new BsonString(fold(value.asString().getValue()));
    }
    if (value.isArray()) {
      BsonArray folded = new BsonArray();
      value.asArray().forEach(element -> folded.add(normalize(element)));
      return folded;
    }
    if (value.isDocument()) {
      BsonDocument folded = new BsonDocument();
      value.asDocument().forEach((field, element) -> folded.append(field, normalize(element)));
      return folded;
    }
    return value;
  }

  private BsonDocument normalizeFilter(BsonDocument filter) {
    BsonDocument folded = new BsonDocument();
    for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
      BsonValue value = entry.getValue();
      if (UNCOLLATED.contains(entry.getKey())) {
        folded.append(entry.getKey(), value);
      } else if (value.isDocument()) {
        folded.append(entry.getKey(), normalizeFilter(value.asDocument()));
      } else if (value.isArray()) {
        BsonArray elements = new BsonArray();
        value.asArray().forEach(e -> elements.add(e.isDocument() ? normalizeFilter(e.asDocument()) : normalize(e)));
        folded.append(entry.getKey(), elements);
      } else {
        folded.append(entry.getKey(), normalize(value));
      }
    }
    return folded;
  }

  private String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (strength > 1) {
      return lower;
    }
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
