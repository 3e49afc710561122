package io.tributary.engine.catalog;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * One index of a collection: its storage id (the prefix of its entries in the INDEXES key space) and its
 * specification exactly as {@code listIndexes} reports it ({@code {v: 2, key: {...}, name: "...", ...}}).
 * Immutable.
 */
public record IndexDescriptor(long id, BsonDocument spec) {
  public static final String ID_INDEX_NAME = "_id_";

  /** The specification of the {@code _id} index every collection has. */
  public static BsonDocument idIndexSpec() {
    return new BsonDocument("v", new BsonInt32(2)).append("key", new BsonDocument("_id", new BsonInt32(1)))
        .append("name", new BsonString(ID_INDEX_NAME));
  }

  public String name() {
    return spec.getString("name").getValue();
  }

  public BsonDocument keyPattern() {
    return spec.getDocument("key");
  }

  public boolean isIdIndex() {
    return ID_INDEX_NAME.equals(name());
  }

  /** The {@code _id} index is unique without saying so in its spec. */
  public boolean isUnique() {
    return isIdIndex() || spec.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue();
  }

  public boolean isSparse() {
    return spec.getBoolean("sparse", org.bson.BsonBoolean.FALSE).getValue();
  }

  public BsonDocument toBson() {
    return new BsonDocument("id", new BsonInt64(id)).append("spec", spec);
  }

  public static IndexDescriptor fromBson(BsonDocument stored) {
    return new IndexDescriptor(stored.getInt64("id").getValue(), stored.getDocument("spec"));
  }
}
