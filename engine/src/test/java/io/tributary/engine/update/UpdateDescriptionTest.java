package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.description;
import static io.tributary.engine.update.Updates.doc;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The change-event {@code updateDescription} of operator updates, at the granularity of MongoDB's delta oplog. */
class UpdateDescriptionTest {
  private static void assertDescription(String document, String update, String expected) {
    assertThat(description(apply(document, update)).toJson()).isEqualTo(doc(expected).toJson());
  }

  @Test
  void specInsertUpdateReplaceDelete() {
    // change-streams.json "Test insert, update, replace, and delete event types"
    assertDescription("{_id: 1, x: 1}", "{$set: {x: 2}}",
        "{updatedFields: {x: 2}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void specDisambiguatedPathForNumericFieldName() {
    // change-streams-disambiguatedPaths.json "... when an ambiguous path is present"
    assertDescription("{_id: 1, a: {'1': 1}}", "{$set: {'a.1': 2}}",
        "{updatedFields: {'a.1': 2}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {'a.1': ['a', '1']}}");
  }

  @Test
  void specDisambiguatedPathReportsArrayIndexesAsIntegers() {
    // change-streams-disambiguatedPaths.json "disambiguatedPaths returns array indices as integers"
    assertDescription("{_id: 1, a: [{'1': 1}]}", "{$set: {'a.0.1': 2}}",
        "{updatedFields: {'a.0.1': 2}, removedFields: [], truncatedArrays: [],"
            + " disambiguatedPaths: {'a.0.1': ['a', 0, '1']}}");
  }

  @Test
  void disambiguatedPathsAreOmittedWithoutExpandedEvents() {
    BsonDocument plain = apply("{_id: 1, a: {'1': 1}}", "{$set: {'a.1': 2}}").description().toBson(false);
    assertThat(plain.keySet()).containsExactly("updatedFields", "removedFields", "truncatedArrays");
  }

  @Test
  void dottedFieldNamesAndArrayIndexesAlone() {
    assertDescription("{_id: 1, a: [1, 2]}", "{$set: {'a.1': 5}}",
        "{updatedFields: {'a.1': 5}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
    assertDescription("{_id: 1, '1': 0}", "{$set: {'1': 5}}",
        "{updatedFields: {'1': 5}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void createdPathsAreReportedAtTheirTopmostNewField() {
    assertDescription("{_id: 1}", "{$set: {'a.b.c': 1}}",
        "{updatedFields: {a: {b: {c: 1}}}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
    assertDescription("{_id: 1}", "{$set: {'a.b': 1, 'a.c': 2}}",
        "{updatedFields: {a: {b: 1, c: 2}}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
    assertDescription("{_id: 1, a: {x: 1}}", "{$set: {'a.b.c': 1}}",
        "{updatedFields: {'a.b': {c: 1}}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void updatedFieldsComeBeforeNewFieldsAndNestedChanges() {
    assertDescription("{_id: 1, b: {c: 0}, m: 0}", "{$set: {a: 1, 'b.c': 2, m: 3}}",
        "{updatedFields: {m: 3, a: 1, 'b.c': 2}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void setOfAWholeDocumentIsOneField() {
    assertDescription("{_id: 1, a: {b: 1}}", "{$set: {a: {b: 2, c: 3}}}",
        "{updatedFields: {a: {b: 2, c: 3}}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void unsetIsARemovedFieldExceptInArrays() {
    assertDescription("{_id: 1, a: 1, b: {c: 1}}", "{$unset: {a: 1, 'b.c': 1}}",
        "{updatedFields: {}, removedFields: ['a', 'b.c'], truncatedArrays: [], disambiguatedPaths: {}}");
    assertDescription("{_id: 1, a: [1, 2]}", "{$unset: {'a.0': 1}}",
        "{updatedFields: {'a.0': null}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void incReportsTheNewValue() {
    assertDescription("{_id: 1, n: 1}", "{$inc: {n: 2}}",
        "{updatedFields: {n: 3}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void paddingAnArrayReportsOnlyTheNewElement() {
    assertDescription("{_id: 1, a: [1]}", "{$set: {'a.3': 4}}",
        "{updatedFields: {'a.3': 4}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void aNoOpHasAnEmptyDescription() {
    assertDescription("{_id: 1, a: 1}", "{$set: {a: 1}}",
        "{updatedFields: {}, removedFields: [], truncatedArrays: [], disambiguatedPaths: {}}");
  }

  @Test
  void descriptionDoesNotShareValuesWithTheDocument() {
    UpdateResult result = apply("{_id: 1}", "{$set: {a: {b: 1}}}");
    result.document().getDocument("a").put("b", doc("{x: 1}").get("x"));
    assertThat(result.description().updatedFields().toJson()).isEqualTo("{\"a\": {\"b\": 1}}");
  }
}
