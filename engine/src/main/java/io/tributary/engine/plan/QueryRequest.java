package io.tributary.engine.plan;

import java.util.Optional;
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

  /**
   * The {@code _id} of a request that is only an {@code _id} equality, without sort or hint: a read of at most one
   * document through the {@code _id} index, which any plan would choose (mongod's IDHACK). Empty otherwise.
   */
  public Optional<BsonValue> idLookup() {
    return (sort == null || sort.isEmpty()) && hint == null ? idEquality(filter) : Optional.empty();
  }

  /**
   * The value of a filter that is exactly {@code {_id: value}} with a value the {@code _id} index finds by one key:
   * not a document (an operator or an embedded document), an array or a regex. Empty otherwise.
   */
  public static Optional<BsonValue> idEquality(BsonDocument filter) {
    BsonValue id = filter.size() == 1 ? filter.get("_id") : null;
    return id == null || id.isDocument() || id.isArray() || id.isRegularExpression() ? Optional.empty()
        : Optional.of(id);
  }
}
