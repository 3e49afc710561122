package io.tributary.engine.collation;

import com.ibm.icu.text.RawCollationKey;
import com.ibm.icu.text.RuleBasedCollator;
import io.tributary.engine.bson.BsonOrder;
import java.util.Comparator;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonValue;

/**
 * A collation as MongoDB defines it (manual: "Collation"): language-aware string comparison by ICU, MongoDB's
 * own collation library, configured by {@code {locale, caseLevel, caseFirst, strength, numericOrdering, alternate,
 * maxVariable, normalization, backwards}}. {@link #SIMPLE} ({@code locale: "simple"}) is binary comparison: code
 * point order, the order {@link io.tributary.engine.bson.BsonOrder} uses without a collation.
 *
 * <p>A collation compares strings and symbols only, at any depth of a value; field names, regular expressions and
 * code are never collated. {@link #key(BsonValue)} replaces every collated string by its <em>comparison key</em>, a
 * string whose code point order is the collation's order and which is equal exactly when the collation calls two
 * strings equal: it is what a collated index stores and what hashing by value (group keys, distinct) uses.
 *
 * <p>Instances come from {@link #parse}, which validates with mongod's codes and messages and caches the instance of
 * each document it has read. Two collations are equal when their full specifications are. Immutable and thread-safe (the
 * ICU collator is frozen).
 */
public final class Collation implements Comparator<String> {
  /** Binary comparison: no collation. */
  public static final Collation SIMPLE = new Collation(new BsonDocument("locale", new BsonString("simple")), null);

  private final BsonDocument spec;
  private final RuleBasedCollator collator;

  Collation(BsonDocument spec, RuleBasedCollator collator) {
    this.spec = spec;
    this.collator = collator;
  }

  /**
   * The collation a {@code collation} option describes, failing like mongod (40414 without {@code locale}, 40415
   * for an unknown field, TypeMismatch, BadValue for an unknown locale, ...); {@code path} names the option in
   * those messages ({@code "collation"}, {@code "create.collation"}).
   */
  public static Collation parse(BsonValue specification, String path) {
    return CollationParser.parse(specification, path);
  }

  /** {@link #parse(BsonValue, String)} for a command's or statement's {@code collation} field. */
  public static Collation parse(BsonValue specification) {
    return parse(specification, "collation");
  }

  public boolean isSimple() {
    return collator == null;
  }

  /**
   * The full specification as mongod reports it (listIndexes, listCollections): every option with its value or
   * the locale's default, and {@code version}; {@code {locale: "simple"}} for {@link #SIMPLE}. A fresh copy.
   */
  public BsonDocument spec() {
    return spec.clone();
  }

  /** Negative, zero or positive as {@code left} sorts before, with or after {@code right} under this collation. */
  @Override
  public int compare(String left, String right) {
    return collator == null ? BsonOrder.compareStrings(left, right) : collator.compare(left, right);
  }

  /** A string's comparison key (itself under {@link #SIMPLE}); see the class notes. */
  public String key(String text) {
    if (collator == null) {
      return text;
    }
    RawCollationKey key = collator.getRawCollationKey(text, null);
    int length = key.size > 0 && key.bytes[key.size - 1] == 0 ? key.size - 1 : key.size;
    // ICU sort keys hold no zero byte before their terminator; bytes 1..255 as code points keep byte order.
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) (key.bytes[i] & 0xFF);
    }
    return new String(chars);
  }

  /** {@code value} with every string and symbol, at any depth, replaced by its comparison key. */
  public BsonValue key(BsonValue value) {
    if (collator == null || value == null) {
      return value;
    }
    switch (value.getBsonType()) {
      case STRING:
        return new BsonString(key(value.asString().getValue()));
      case SYMBOL:
        return new BsonSymbol(key(value.asSymbol().getSymbol()));
      case ARRAY: {
        BsonArray keys = new BsonArray();
        value.asArray().forEach(element -> keys.add(key(element)));
        return keys;
      }
      case DOCUMENT: {
        BsonDocument keys = new BsonDocument();
        value.asDocument().forEach((name, element) -> keys.append(name, key(element)));
        return keys;
      }
      default:
        return value;
    }
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Collation collation && spec.equals(collation.spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec.toJson();
  }
}
