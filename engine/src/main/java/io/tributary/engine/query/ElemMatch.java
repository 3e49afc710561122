package io.tributary.engine.query;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $elemMatch}: an array with at least one element that satisfies every condition. The document form
 * ({@code {$elemMatch: {b: 1, c: {$gt: 2}}}}) matches elements that are documents (or arrays, read as documents
 * keyed by index) against a filter; the value form ({@code {$elemMatch: {$gte: 80, $lt: 85}}}) tests each element
 * itself, without expanding nested arrays. Immutable and thread-safe.
 */
sealed interface ElemMatch extends ValuePredicate {

  /** The index of the first matching element, or -1. */
  int firstMatch(BsonArray array);

  @Override
  default boolean test(BsonValue value) {
    return value != null && value.isArray() && firstMatch(value.asArray()) >= 0;
  }

  @Override
  default boolean expandsLeafArrays() {
    return false;
  }

  record OfDocuments(MatchExpression filter) implements ElemMatch {
    @Override
    public int firstMatch(BsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        BsonValue element = array.get(i);
        if (element.isDocument() && filter.matches(element.asDocument(), null)
            || element.isArray() && filter.matches(keyedByIndex(element.asArray()), null)) {
          return i;
        }
      }
      return -1;
    }

    private static BsonDocument keyedByIndex(BsonArray array) {
      BsonDocument document = new BsonDocument();
      for (int i = 0; i < array.size(); i++) {
        document.append(Integer.toString(i), array.get(i));
      }
      return document;
    }
  }

  record OfValues(ValuePredicate predicate) implements ElemMatch {
    @Override
    public int firstMatch(BsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (predicate.test(array.get(i))) {
          return i;
        }
      }
      return -1;
    }
  }
}
