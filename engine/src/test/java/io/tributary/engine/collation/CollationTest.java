package io.tributary.engine.collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Parsing a collation document as mongod does, and comparing strings under it. */
class CollationTest {
  private static final List<String> WORDS = List.of("a", "A", "á", "b", "B", "ab", "a b", "a-b", "10", "9", "",
      "côte", "coté", "ss", "ß", "Ü", "u", "z", "ä");

  @Test
  void strengthDecidesWhatIsEqual() {
    Collation primary = collation("{locale: 'en', strength: 1}");
    Collation secondary = collation("{locale: 'en', strength: 2}");
    Collation tertiary = collation("{locale: 'en'}");
    assertThat(primary.compare("a", "Á")).isZero();
    assertThat(secondary.compare("a", "A")).isZero();
    assertThat(secondary.compare("a", "á")).isNotZero();
    assertThat(tertiary.compare("a", "A")).isNegative();
    assertThat(tertiary.compare("a", "B")).isNegative(); // code point order puts "B" first
  }

  @Test
  void optionsChangeTheOrder() {
    assertThat(collation("{locale: 'en', numericOrdering: true}").compare("10", "9")).isPositive();
    assertThat(collation("{locale: 'en'}").compare("10", "9")).isNegative();
    assertThat(collation("{locale: 'en', caseFirst: 'upper'}").compare("A", "a")).isNegative();
    assertThat(collation("{locale: 'en', alternate: 'shifted'}").compare("a b", "ab")).isZero();
    assertThat(collation("{locale: 'en', strength: 1, caseLevel: true}").compare("a", "A")).isNotZero();
    assertThat(collation("{locale: 'fr', backwards: true}").compare("coté", "côte")).isPositive();
    assertThat(collation("{locale: 'sv'}").compare("ä", "z")).isPositive();
  }

  @Test
  void comparisonKeysOrderAsTheCollationDoes() {
    for (String spec : List.of("{locale: 'en'}", "{locale: 'en', strength: 1}", "{locale: 'fr_CA'}",
        "{locale: 'en', numericOrdering: true, caseFirst: 'upper'}", "{locale: 'de@collation=phonebook'}",
        "{locale: 'en', alternate: 'shifted', strength: 4}", "{locale: 'en', strength: 5}")) {
      Collation collation = collation(spec);
      for (String left : WORDS) {
        for (String right : WORDS) {
          assertThat(Integer.signum(collation.key(left).compareTo(collation.key(right))))
              .as("%s %s %s", spec, left, right).isEqualTo(Integer.signum(collation.compare(left, right)));
        }
      }
    }
  }

  @Test
  void theFullSpecificationFillsInTheLocaleDefaults() {
    assertThat(collation("{locale: 'en_US', strength: 2.9}").spec()).isEqualTo(BsonDocument.parse(
        "{locale: 'en_US', caseLevel: false, caseFirst: 'off', strength: 2, numericOrdering: false,"
            + " alternate: 'non-ignorable', maxVariable: 'punct', normalization: false, backwards: false,"
            + " version: '57.1'}"));
    assertThat(collation("{locale: 'fr_CA'}").spec().getBoolean("backwards").getValue()).isTrue();
    assertThat(collation("{locale: 'en', strength: 2}")).isEqualTo(collation("{locale: 'en', strength: 2.0}"));
    assertThat(collation("{locale: 'simple'}")).isSameAs(Collation.SIMPLE);
    assertThat(Collation.SIMPLE.compare("B", "a")).isNegative();
  }

  @Test
  void invalidDocumentsFailAsInMongod() {
    assertFails("{strength: 2}", 40414, "BSON field 'collation.locale' is missing but a required field");
    assertFails("{locale: 'en', foo: 1}", 40415, "BSON field 'collation.foo' is an unknown field.");
    assertFails("{locale: 1}", 14, "BSON field 'collation.locale' is the wrong type 'int', expected type 'string'");
    assertFails("{locale: 'en', caseLevel: 1}", 14,
        "BSON field 'collation.caseLevel' is the wrong type 'int', expected type 'bool'");
    assertFails("{locale: 'en', strength: 6}", 2, "BSON field 'strength' value must be <= 5, actual value '6'");
    assertFails("{locale: 'en', caseFirst: 'x'}", 2,
        "Enumeration value 'x' for field 'collation.caseFirst' is not a valid value.");
    assertFails("{locale: 'xx'}", 2, "Field 'locale' is invalid in: { locale: \"xx\" }");
    assertFails("{locale: 'EN'}", 2, "Field 'locale' is invalid in: { locale: \"EN\" }. Did you mean 'en'?");
    assertFails("{locale: ''}", 2, "Field 'locale' cannot be the empty string in: { locale: \"\" }");
    assertFails("{locale: 'en', version: '1'}", 161,
        "Requested collation version 1 but the only available collator version was 57.1. Requested collation"
            + " spec: { locale: \"en\", version: \"1\" }");
    assertFails("{locale: 'en', strength: 1, caseFirst: 'upper'}", 2,
        "'caseFirst' is invalid unless 'caseLevel' is on or 'strength' is greater than 2 in: { locale: \"en\","
            + " strength: 1, caseFirst: \"upper\" }");
    assertFails("{locale: 'en', strength: 1, backwards: true}", 2,
        "'backwards' is invalid with 'strength' of 1 in: { locale: \"en\", strength: 1, backwards: true }");
  }

  private static void assertFails(String spec, int code, String message) {
    assertThatThrownBy(() -> collation(spec)).isInstanceOfSatisfying(MongoError.class, error -> {
      assertThat(error.code().code()).isEqualTo(code);
      assertThat(error.getMessage()).isEqualTo(message);
    });
  }

  private static Collation collation(String json) {
    return Collation.parse(BsonDocument.parse(json));
  }
}
