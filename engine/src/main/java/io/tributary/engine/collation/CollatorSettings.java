package io.tributary.engine.collation;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * The mapping between a collation document's options and ICU collator attributes, in both directions: applying the
 * given options to a locale's collator, and describing a collator as mongod's full specification. Stateless.
 */
final class CollatorSettings {
  private static final int[] STRENGTHS = {Collator.PRIMARY, Collator.SECONDARY, Collator.TERTIARY,
      Collator.QUATERNARY, Collator.IDENTICAL};

  private CollatorSettings() {}

  /** Sets each option present in {@code options} (validated) on {@code collator}, which must not be frozen. */
  static void apply(BsonDocument options, RuleBasedCollator collator) {
    if (options.containsKey("caseLevel")) {
      collator.setCaseLevel(options.getBoolean("caseLevel").getValue());
    }
    if (options.containsKey("caseFirst")) {
      caseFirst(options.getString("caseFirst").getValue(), collator);
    }
    if (options.containsKey("strength")) {
      collator.setStrength(STRENGTHS[options.getInt32("strength").getValue() - 1]);
    }
    if (options.containsKey("numericOrdering")) {
      collator.setNumericCollation(options.getBoolean("numericOrdering").getValue());
    }
    if (options.containsKey("alternate")) {
      collator.setAlternateHandlingShifted(options.getString("alternate").getValue().equals("shifted"));
    }
    if (options.containsKey("maxVariable")) {
      collator.setMaxVariable(options.getString("maxVariable").getValue().equals("space")
          ? Collator.ReorderCodes.SPACE : Collator.ReorderCodes.PUNCTUATION);
    }
    if (options.containsKey("normalization")) {
      collator.setDecomposition(options.getBoolean("normalization").getValue()
          ? Collator.CANONICAL_DECOMPOSITION : Collator.NO_DECOMPOSITION);
    }
    if (options.containsKey("backwards")) {
      collator.setFrenchCollation(options.getBoolean("backwards").getValue());
    }
  }

  private static void caseFirst(String value, RuleBasedCollator collator) {
    switch (value) {
      case "upper" -> collator.setUpperCaseFirst(true);
      case "lower" -> collator.setLowerCaseFirst(true);
      default -> {
        collator.setUpperCaseFirst(false);
        collator.setLowerCaseFirst(false);
      }
    }
  }

  /** The full specification of {@code collator}, in mongod's field order. */
  static BsonDocument describe(String locale, RuleBasedCollator collator, String version) {
    String caseFirst = collator.isUpperCaseFirst() ? "upper" : collator.isLowerCaseFirst() ? "lower" : "off";
    return new BsonDocument("locale", new BsonString(locale))
        .append("caseLevel", BsonBoolean.valueOf(collator.isCaseLevel()))
        .append("caseFirst", new BsonString(caseFirst))
        .append("strength", new BsonInt32(strength(collator.getStrength())))
        .append("numericOrdering", BsonBoolean.valueOf(collator.getNumericCollation()))
        .append("alternate", new BsonString(collator.isAlternateHandlingShifted() ? "shifted" : "non-ignorable"))
        .append("maxVariable", new BsonString(
            collator.getMaxVariable() == Collator.ReorderCodes.SPACE ? "space" : "punct"))
        .append("normalization", BsonBoolean.valueOf(collator.getDecomposition() == Collator.CANONICAL_DECOMPOSITION))
        .append("backwards", BsonBoolean.valueOf(collator.isFrenchCollation()))
        .append("version", new BsonString(version));
  }

  private static int strength(int icuStrength) {
    for (int i = 0; i < STRENGTHS.length; i++) {
      if (STRENGTHS[i] == icuStrength) {
        return i + 1;
      }
    }
    throw new IllegalStateException("unknown ICU strength " + icuStrength);
  }
}
