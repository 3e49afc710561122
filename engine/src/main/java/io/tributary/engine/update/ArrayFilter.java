package io.tributary.engine.update;

import io.tributary.engine.query.Matcher;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One entry of an update's {@code arrayFilters}: a query whose top-level field names all start with
 * {@code identifier}, matched against an array element as if it were the value of a field of that name.
 * Immutable and thread-safe.
 */
record ArrayFilter(String identifier, Matcher matcher) {
  boolean matches(BsonValue element) {
    return matcher.matches(new BsonDocument(identifier, element));
  }
}
