package io.tributary.engine.plan;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What a read asks of a collection, as far as choosing a plan goes.
 *
 * @param filter the query filter (never null)
 * @param sort the sort specification, or null
 * @param hint an index name, a key pattern or {@code {$natural: 1|-1}}, or null
 */
public record QueryRequest(BsonDocument filter, BsonDocument sort, BsonValue hint) {
  public static QueryRequest of(BsonDocument filter) {
    return new QueryRequest(filter, null, null);
  }

  /** A hint that names nothing ({@code ""}, {@code {}}) counts as none, as in mongod. */
  public QueryRequest {
    if (hint != null && (hint.isNull() || hint.isString() && hint.asString().getValue().isEmpty()
        || hint.isDocument() && hint.asDocument().isEmpty())) {
      hint = null;
    }
  }
}
