package io.tributary.engine.update;

import static io.tributary.engine.update.Updates.applyError;
import static io.tributary.engine.update.Updates.apply;
import static io.tributary.engine.update.Updates.assertDocument;
import static io.tributary.engine.update.Updates.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetUnsetIncTest {
  @Test
  void setReplacesInPlaceAndAppendsNewFieldsInSortedOrder() {
    UpdateResult result = apply("{_id: 1, b: 1, a: 1}", "{$set: {z: 1, c: 2, b: 5}}");
    assertDocument(result, "{_id: 1, b: 5, a: 1, c: 2, z: 1}");
    assertThat(result.modified()).isTrue();
  }

  @Test
  void operatorsApplyInPathOrderWhateverTheirOrderInTheUpdate() {
    assertDocument(apply("{_id: 1}", "{$set: {z: 1}, $inc: {a: 1}}"), "{_id: 1, a: 1, z: 1}");
    assertDocument(apply("{_id: 1}", "{$set: {'b.y': 1, a: 1, 'b.x': 2}}"), "{_id: 1, a: 1, b: {x: 2, y: 1}}");
  }

  @Test
  void numericFieldNamesApplyInNumericOrderSoPaddingWorks() {
    assertDocument(apply("{_id: 1, a: []}", "{$set: {'a.10': 10, 'a.2': 2}}"),
        "{_id: 1, a: [null, null, 2, null, null, null, null, null, null, null, 10]}");
  }

  @Test
  void setCreatesIntermediateDocumentsAndIndexesArrays() {
    assertDocument(apply("{_id: 1}", "{$set: {'a.b.c': 1}}"), "{_id: 1, a: {b: {c: 1}}}");
    assertDocument(apply("{_id: 1, a: [1, 2]}", "{$set: {'a.1': 5}}"), "{_id: 1, a: [1, 5]}");
    assertDocument(apply("{_id: 1, a: [1]}", "{$set: {'a.3': 4}}"), "{_id: 1, a: [1, null, null, 4]}");
    assertDocument(apply("{_id: 1, a: [1]}", "{$set: {'a.2.b': 4}}"), "{_id: 1, a: [1, null, {b: 4}]}");
    assertDocument(apply("{_id: 1, a: {}}", "{$set: {'a.0': 4}}"), "{_id: 1, a: {'0': 4}}");
  }

  @Test
  void settingAnIdenticalValueIsANoOpButADifferentTypeIsNot() {
    assertThat(apply("{_id: 1, a: 1}", "{$set: {a: 1}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 1}", "{$set: {a: 1.0}}").modified()).isTrue();
    assertThat(apply("{_id: 1, a: {x: 1, y: 2}}", "{$set: {a: {y: 2, x: 1}}}").modified()).isTrue();
    assertThat(apply("{_id: 1}", "{$set: {}}").modified()).isFalse();
  }

  @Test
  void setThroughAScalarIsPathNotViable() {
    assertError(applyError("{_id: 1, a: 1}", "{$set: {'a.b': 1}}"), 28, "PathNotViable",
        "Cannot create field 'b' in element {a: 1}");
    assertError(applyError("{_id: 1, a: [1]}", "{$set: {'a.x': 1}}"), 28, "PathNotViable",
        "Cannot create field 'x' in element {a: [ 1 ]}");
  }

  @Test
  void setOfIdIsRefusedUnlessUnchanged() {
    assertThat(apply("{_id: 1, a: 1}", "{$set: {_id: 1}}").modified()).isFalse();
    assertError(applyError("{_id: 1}", "{$set: {_id: 2}}"), 66, "ImmutableField",
        "Updating the path '_id' to _id: 2 would modify the immutable field '_id'");
    assertError(applyError("{_id: {a: 1}}", "{$inc: {'_id.a': 1}}"), 66, "ImmutableField",
        "Performing an update on the path '_id.a' would modify the immutable field '_id'");
    assertError(applyError("{_id: 1}", "{$unset: {_id: 1}}"), 66, "ImmutableField",
        "Performing an update on the path '_id' would modify the immutable field '_id'");
  }

  @Test
  void topLevelDollarFieldsCannotBeCreated() {
    assertError(applyError("{_id: 1}", "{$set: {'$foo': 1}}"), 52, "DollarPrefixedFieldName",
        "The dollar ($) prefixed field '$foo' in '$foo' is not allowed in the context of an update's replacement"
            + " document. Consider using an aggregation pipeline with $replaceWith.");
    assertDocument(apply("{_id: 1}", "{$set: {'a.$foo': 1}}"), "{_id: 1, a: {'$foo': 1}}");
  }

  @Test
  void unsetRemovesFieldsAndNullsArrayElements() {
    assertDocument(apply("{_id: 1, a: 1, b: {c: 1, d: 2}}", "{$unset: {a: '', 'b.c': 1}}"),
        "{_id: 1, b: {d: 2}}");
    assertDocument(apply("{_id: 1, a: [1, 2, 3]}", "{$unset: {'a.1': 1}}"), "{_id: 1, a: [1, null, 3]}");
  }

  @Test
  void unsetOfAMissingOrUnreachablePathIsANoOp() {
    assertThat(apply("{_id: 1}", "{$unset: {a: 1}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 1}", "{$unset: {'a.b': 1}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: [1]}", "{$unset: {'a.5': 1}}").modified()).isFalse();
  }

  @Test
  void incAddsWithTypePromotion() {
    assertDocument(apply("{_id: 1, a: 1}", "{$inc: {a: 2}}"), "{_id: 1, a: 3}");
    assertDocument(apply("{_id: 1, a: 1}", "{$inc: {a: 0.5}}"), "{_id: 1, a: 1.5}");
    assertDocument(apply("{_id: 1, a: 2147483647}", "{$inc: {a: 1}}"),
        "{_id: 1, a: {$numberLong: '2147483648'}}");
    assertDocument(apply("{_id: 1, a: {$numberLong: '9223372036854775807'}}", "{$inc: {a: 1}}"),
        "{_id: 1, a: 9.223372036854775807E18}");
    assertDocument(apply("{_id: 1, a: {$numberDecimal: '1.5'}}", "{$inc: {a: 1}}"),
        "{_id: 1, a: {$numberDecimal: '2.5'}}");
    assertDocument(apply("{_id: 1}", "{$inc: {'a.b': 5}}"), "{_id: 1, a: {b: 5}}");
  }

  @Test
  void incByZeroIsANoOpUnlessTheTypeChanges() {
    assertThat(apply("{_id: 1, a: 1}", "{$inc: {a: 0}}").modified()).isFalse();
    assertThat(apply("{_id: 1, a: 1}", "{$inc: {a: 0.0}}").modified()).isTrue();
  }

  @Test
  void incOfANonNumberIsTypeMismatch() {
    assertError(applyError("{_id: 1, a: 'x'}", "{$inc: {a: 1}}"), 14, "TypeMismatch",
        "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type string");
    assertError(Updates.parseError("{$inc: {a: 'x'}}"), 14, "TypeMismatch",
        "Cannot increment with non-numeric argument: {a: \"x\"}");
    assertError(Updates.parseError("{$mul: {a: null}}"), 14, "TypeMismatch",
        "Cannot multiply with non-numeric argument: {a: null}");
  }

  @Test
  void mulMultipliesAndCreatesZeroOfTheOperandType() {
    assertDocument(apply("{_id: 1, a: 3}", "{$mul: {a: 2}}"), "{_id: 1, a: 6}");
    assertDocument(apply("{_id: 1}", "{$mul: {a: 2.5, b: {$numberLong: '3'}}}"),
        "{_id: 1, a: 0.0, b: {$numberLong: '0'}}");
    assertThat(apply("{_id: 1, a: 3}", "{$mul: {a: 1}}").modified()).isFalse();
  }
}
