package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.applyError;
import static io.tributary.engine.update.Updates.assertDocument;
import static io.tributary.engine.update.Updates.assertError;
import static io.tributary.engine.update.Updates.description;
import static io.tributary.engine.update.Updates.doc;
import static io.tributary.engine.update.Updates.parseError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayOperatorsTest {
  private static void assertUpdatedFields(UpdateResult result, String expected) {
    assertThat(description(result).getDocument("updatedFields").toJson()).isEqualTo(doc(expected).toJson());
  }

  @Test
  void pushAppendsAndLogsOnlyTheNewElements() {
    UpdateResult result = apply("{_id: 1, arr: [1, 2, 3]}", "{$push: {arr: {$each: [4, 5]}}}");
    assertDocument(result, "{_id: 1, arr: [1, 2, 3, 4, 5]}");
    assertUpdatedFields(result, "{'arr.3': 4, 'arr.4': 5}");
  }

  @Test
  void pushCreatesTheArrayAndLogsItWhole() {
    UpdateResult result = apply("{_id: 1}", "{$push: {arr: 1}}");
    assertDocument(result, "{_id: 1, arr: [1]}");
    assertUpdatedFields(result, "{arr: [1]}");
    assertUpdatedFields(apply("{_id: 1, arr: []}", "{$push: {arr: 1}}"), "{arr: [1]}");
    assertDocument(apply("{_id: 1}", "{$push: {arr: {$each: []}}}"), "{_id: 1, arr: []}");
  }

  @Test
  void pushWithPositionInserts() {
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [9], $position: 1}}}"),
        "{_id: 1, a: [1, 9, 2, 3]}");
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [8, 9], $position: -1}}}"),
        "{_id: 1, a: [1, 2, 8, 9, 3]}");
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [9], $position: -10}}}"),
        "{_id: 1, a: [9, 1, 2, 3]}");
    UpdateResult atEnd = apply("{_id: 1, a: [1, 2]}", "{$push: {a: {$each: [9], $position: 2}}}");
    assertUpdatedFields(atEnd, "{a: [1, 2, 9]}");
  }

  @Test
  void pushWithSortAndSlice() {
    assertDocument(apply("{_id: 1, a: [3, 1]}", "{$push: {a: {$each: [2], $sort: 1}}}"), "{_id: 1, a: [1, 2, 3]}");
    assertDocument(apply("{_id: 1, a: [{s: 1}, {s: 3}]}", "{$push: {a: {$each: [{s: 2}], $sort: {s: -1}, $slice: 2}}}"),
        "{_id: 1, a: [{s: 3}, {s: 2}]}");
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [4], $slice: -2}}}"), "{_id: 1, a: [3, 4]}");
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$push: {a: {$each: [], $slice: 0}}}"), "{_id: 1, a: []}");
  }

  @Test
  void pushErrors() {
    assertError(applyError("{_id: 1, a: 1}", "{$push: {a: 2}}"), 2, "BadValue",
        "The field 'a' must be an array but is of type int in document {_id: 1}");
    assertError(parseError("{$push: {a: {$each: 1}}}"), 2, "BadValue",
        "The argument to $each in $push must be an array but it was of type: int");
    assertError(parseError("{$push: {a: {$each: [], $foo: 1}}}"), 2, "BadValue", "Unrecognized clause in $push: $foo");
    assertError(parseError("{$push: {a: {$each: [], $slice: 'x'}}}"), 2, "BadValue",
        "The value for $slice must be an integer value but was given type: string");
    assertError(parseError("{$push: {a: {$each: [], $sort: 2}}}"), 2, "BadValue",
        "The $sort element value must be either 1 or -1");
    assertError(parseError("{$push: {a: {$each: [], $position: 1.5}}}"), 2, "BadValue",
        "The value for $position must be an integer value, not of type: double");
  }

  @Test
  void addToSetAddsMissingValuesOnlyByValueEquality() {
    UpdateResult result = apply("{_id: 1, a: [1, 2]}", "{$addToSet: {a: {$each: [2.0, 3, 3, 4]}}}");
    assertDocument(result, "{_id: 1, a: [1, 2, 3, 4]}");
    assertUpdatedFields(result, "{a: [1, 2, 3, 4]}");
    assertThat(apply("{_id: 1, a: [1, 2]}", "{$addToSet: {a: 1.0}}").modified()).isFalse();
    assertDocument(apply("{_id: 1}", "{$addToSet: {a: [1]}}"), "{_id: 1, a: [[1]]}");
  }

  @Test
  void addToSetErrors() {
    assertError(applyError("{_id: 1, a: 5}", "{$addToSet: {a: 1}}"), 2, "BadValue",
        "Cannot apply $addToSet to non-array field. Field named 'a' has non-array type int");
    assertError(parseError("{$addToSet: {a: {$each: 1}}}"), 14, "TypeMismatch",
        "The argument to $each in $addToSet must be an array but it was of type int");
  }

  @Test
  void popRemovesFromEitherEndAndLogsTheWholeArray() {
    UpdateResult last = apply("{_id: 1, a: [1, 2, 3]}", "{$pop: {a: 1}}");
    assertDocument(last, "{_id: 1, a: [1, 2]}");
    assertUpdatedFields(last, "{a: [1, 2]}");
    assertThat(description(last).getArray("truncatedArrays")).isEmpty();
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$pop: {a: -1}}"), "{_id: 1, a: [2, 3]}");
    assertThat(apply("{_id: 1, a: []}", "{$pop: {a: 1}}").modified()).isFalse();
    assertThat(apply("{_id: 1}", "{$pop: {a: 1}}").modified()).isFalse();
  }

  @Test
  void popErrors() {
    assertError(parseError("{$pop: {a: 2}}"), 9, "FailedToParse", "$pop expects 1 or -1, found: 2");
    assertError(parseError("{$pop: {a: 'x'}}"), 9, "FailedToParse", "Expected a number in: a: \"x\"");
    assertError(applyError("{_id: 1, a: 1}", "{$pop: {a: 1}}"), 14, "TypeMismatch",
        "Path 'a' contains an element of non-array type 'int'");
    assertError(applyError("{_id: 1, a: 'foo'}", "{$pop: {'a.b': 1}}"), 28, "PathNotViable",
        "Cannot use the part (b) of (a.b) to traverse the element ({a: \"foo\"})");
  }

  @Test
  void pullByValueConditionAndDocumentQuery() {
    assertDocument(apply("{_id: 1, a: [1, 2, 1.0, 3]}", "{$pull: {a: 1}}"), "{_id: 1, a: [2, 3]}");
    assertDocument(apply("{_id: 1, a: [[1], [2]]}", "{$pull: {a: [1]}}"), "{_id: 1, a: [[2]]}");
    assertDocument(apply("{_id: 1, a: [{x: 1, y: 1}, {x: 2}, 5]}", "{$pull: {a: {x: 1}}}"),
        "{_id: 1, a: [{x: 2}, 5]}");
    assertDocument(apply("{_id: 1, a: [1, 5, 9]}", "{$pull: {a: {$gte: 5}}}"), "{_id: 1, a: [1]}");
    assertDocument(apply("{_id: 1, a: ['ab', 'cd']}", "{$pull: {a: /^a/}}"), "{_id: 1, a: ['cd']}");
    assertDocument(apply("{_id: 1, a: [{x: 1}, {x: 5}]}", "{$pull: {a: {$or: [{x: 5}]}}}"), "{_id: 1, a: [{x: 1}]}");
    assertThat(apply("{_id: 1, a: [1, 2]}", "{$pull: {a: 7}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 1}", "{$pull: {'a.b': 1}}").modified()).isFalse();
  }

  @Test
  void pullAllRemovesEveryListedValue() {
    UpdateResult result = apply("{_id: 1, a: [1, 2, 3, 2]}", "{$pullAll: {a: [2, 3]}}");
    assertDocument(result, "{_id: 1, a: [1]}");
    assertUpdatedFields(result, "{a: [1]}");
    assertError(parseError("{$pullAll: {a: 1}}"), 2, "BadValue", "$pullAll requires an array argument but was given a int");
    assertError(applyError("{_id: 1, a: 1}", "{$pullAll: {a: [1]}}"), 2, "BadValue",
        "Cannot apply $pull to a non-array value");
  }
}
