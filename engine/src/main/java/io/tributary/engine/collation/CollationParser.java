package io.tributary.engine.collation;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.catalog.DuplicateKeyError;
import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Reads a {@code collation} document as mongod does: field types, unknown fields and enumerations first (mongod's
 * IDL errors: 40414, 40415, TypeMismatch, BadValue), then the locale, which ICU must know exactly as written (else
 * BadValue {@code Field 'locale' is invalid in: ...}, suggesting the locale ICU would use), then the combinations
 * mongod refuses ({@code caseFirst} below strength 3 without {@code caseLevel}, {@code backwards} at strength 1).
 * Options left out take the locale's defaults from ICU, so the full specification is mongod's. Results are cached
 * per given document. Thread-safe.
 */
final class CollationParser {
  /** The collator version mongod reports and requires (the ICU it links). */
  static final String VERSION = "57.1";

  private static final Set<String> STRING_FIELDS = Set.of("locale", "caseFirst", "alternate", "maxVariable",
      "version");
  private static final Set<String> BOOLEAN_FIELDS = Set.of("caseLevel", "numericOrdering", "normalization");
  private static final Map<String, Set<String>> ENUMERATIONS = Map.of("caseFirst", Set.of("upper", "lower", "off"),
      "alternate", Set.of("non-ignorable", "shifted"), "maxVariable", Set.of("punct", "space"));
  private static final int CACHE_LIMIT = 256;
  private static final Map<BsonDocument, Collation> CACHE = new ConcurrentHashMap<>();

  private CollationParser() {}

  static Collation parse(BsonValue specification, String path) {
    if (!specification.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field '" + path + "' is the wrong type '"
          + typeName(specification) + "', expected type 'object'");
    }
    BsonDocument given = specification.asDocument();
    Collation cached = CACHE.get(given);
    if (cached != null) {
      return cached;
    }
    Collation parsed = build(given, path);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear(); // specifications are few in practice; a reset only costs rebuilding collators
    }
    CACHE.put(given.clone(), parsed);
    return parsed;
  }

  private static Collation build(BsonDocument given, String path) {
    BsonDocument options = readFields(given, path);
    String locale = options.getString("locale").getValue();
    if (locale.equals("simple")) {
      return Collation.SIMPLE;
    }
    RuleBasedCollator collator = localeCollator(locale, given);
    if (options.containsKey("version") && !options.getString("version").getValue().equals(VERSION)) {
      throw ErrorCode.INCOMPATIBLE_COLLATION_VERSION.error("Requested collation version "
          + options.getString("version").getValue() + " but the only available collator version was " + VERSION
          + ". Requested collation spec: " + DuplicateKeyError.render(given));
    }
    CollatorSettings.apply(options, collator);
    BsonDocument full = CollatorSettings.describe(locale, collator, VERSION);
    validateCombination(options, full, printed(given, options, full, path));
    return new Collation(full, (RuleBasedCollator) collator.freeze());
  }

  /** The given fields, type-checked in document order. */
  private static BsonDocument readFields(BsonDocument given, String path) {
    BsonDocument options = new BsonDocument();
    given.forEach((name, value) -> readField(name, value, path).ifPresent(checked -> options.put(name, checked)));
    if (!options.containsKey("locale")) {
      throw ErrorCode.location(40414).error("BSON field '" + path + ".locale' is missing but a required field");
    }
    return options;
  }

  /** One option's checked value; empty when it is null, which reads as absent (not so for {@code backwards}). */
  private static Optional<BsonValue> readField(String name, BsonValue value, String path) {
    if (name.equals("backwards")) {
      if (!value.isBoolean()) {
        throw ErrorCode.TYPE_MISMATCH.error("Field 'backwards' should be a boolean value, but found: "
            + typeName(value));
      }
      return Optional.of(value);
    }
    if (!name.equals("strength") && !STRING_FIELDS.contains(name) && !BOOLEAN_FIELDS.contains(name)) {
      throw ErrorCode.location(40415).error("BSON field '" + path + "." + name + "' is an unknown field.");
    }
    if (value.isNull() || value.getBsonType() == BsonType.UNDEFINED) {
      return Optional.empty();
    }
    return Optional.of(name.equals("strength") ? new BsonInt32(strength(value, path)) : typed(name, value, path));
  }

  private static BsonValue typed(String name, BsonValue value, String path) {
    boolean string = STRING_FIELDS.contains(name);
    if (string ? !value.isString() : !value.isBoolean()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field '" + path + "." + name + "' is the wrong type '"
          + typeName(value) + "', expected type '" + (string ? "string" : "bool") + "'");
    }
    Set<String> allowed = ENUMERATIONS.get(name);
    if (allowed != null && !allowed.contains(value.asString().getValue())) {
      throw ErrorCode.BAD_VALUE.error("Enumeration value '" + value.asString().getValue() + "' for field '"
          + path + "." + name + "' is not a valid value.");
    }
    return value;
  }

  /** mongod's "safe int": any number, truncated toward zero, then 1 to 5. */
  private static int strength(BsonValue value, String path) {
    if (!value.isNumber() && !value.isDecimal128()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field '" + path + ".strength' is the wrong type '"
          + typeName(value) + "', expected types '[double, decimal, long, int]'");
    }
    double number = value.isDecimal128() ? value.asDecimal128().getValue().doubleValue()
        : value.asNumber().doubleValue();
    long strength = Double.isNaN(number) ? 0
        : (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    if (strength > 5) {
      throw ErrorCode.BAD_VALUE.error("BSON field 'strength' value must be <= 5, actual value '" + strength + "'");
    }
    if (strength < 0) {
      throw ErrorCode.BAD_VALUE.error("BSON field 'strength' value must be >= 0, actual value '" + strength + "'");
    }
    if (strength == 0) {
      throw ErrorCode.BAD_VALUE.error("Enumeration value '0' for field '" + path + ".strength' is not a valid value.");
    }
    return (int) strength;
  }

  /**
   * ICU's collator for {@code locale}, which must be the locale ICU actually has data for, spelled as ICU spells
   * it (mongod's rule: no canonicalization, no fallback).
   */
  private static RuleBasedCollator localeCollator(String locale, BsonDocument given) {
    if (locale.indexOf('\0') >= 0) {
      throw ErrorCode.BAD_VALUE.error("Field 'locale' cannot contain null byte. Collation spec: "
          + DuplicateKeyError.render(given));
    }
    if (locale.isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("Field 'locale' cannot be the empty string in: "
          + DuplicateKeyError.render(given));
    }
    RuleBasedCollator collator = (RuleBasedCollator) Collator.getInstance(new ULocale(locale));
    String valid = collator.getLocale(ULocale.VALID_LOCALE).getName();
    boolean root = valid.isEmpty() || valid.equals("root");
    if (!locale.equals(valid) && !(root && locale.equals("root"))) {
      throw ErrorCode.BAD_VALUE.error("Field 'locale' is invalid in: " + DuplicateKeyError.render(given)
          + (root ? "" : ". Did you mean '" + valid + "'?"));
    }
    return collator;
  }

  private static void validateCombination(BsonDocument options, BsonDocument full, String printed) {
    int strength = full.getInt32("strength").getValue();
    boolean caseFirst = !full.getString("caseFirst").getValue().equals("off");
    if (caseFirst && strength < 3 && !full.getBoolean("caseLevel").getValue()) {
      throw ErrorCode.BAD_VALUE.error("'caseFirst' is invalid unless 'caseLevel' is on or 'strength' is greater "
          + "than 2 in: " + printed);
    }
    if (options.containsKey("backwards") && options.getBoolean("backwards").getValue() && strength == 1) {
      throw ErrorCode.BAD_VALUE.error("'backwards' is invalid with 'strength' of 1 in: " + printed);
    }
  }

  /** The specification as an error prints it: as given, or for {@code create} with the defaults filled in. */
  private static String printed(BsonDocument given, BsonDocument options, BsonDocument full, String path) {
    if (!path.startsWith("create.")) {
      return DuplicateKeyError.render(given);
    }
    BsonDocument shown = full.clone();
    shown.remove("backwards");
    shown.remove("version");
    if (options.containsKey("backwards")) {
      shown.put("backwards", options.get("backwards"));
    }
    if (options.containsKey("version")) {
      shown.put("version", options.get("version"));
    }
    return DuplicateKeyError.render(shown);
  }

  private static String typeName(BsonValue value) {
    return BsonTypeName.nameOf(value.getBsonType());
  }
}
