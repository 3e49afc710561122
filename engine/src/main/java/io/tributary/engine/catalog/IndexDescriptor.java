package io.tributary.engine.catalog;

import io.tributary.engine.collation.Collation;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One index of a collection: its storage id (the prefix of its entries in the INDEXES key space) and its
 * specification exactly as {@code listIndexes} reports it ({@code {v: 2, key: {...}, name: "...", ...}}), and
 * whether some document has given it several keys through an array ({@code multikey}, as mongod tracks it: set
 * by the write that first does so, never cleared). Immutable.
 */
public record IndexDescriptor(long id, BsonDocument spec, boolean multikey) {
  public static final String ID_INDEX_NAME = "_id_";

  /** A new index: not multikey until a document gives it an array. */
  public IndexDescriptor(long id, BsonDocument spec) {
    this(id, spec, false);
  }

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

  /** The {@code partialFilterExpression}: only documents matching it have entries. */
  public Optional<BsonDocument> partialFilter() {
    BsonValue filter = spec.get("partialFilterExpression");
    return filter != null && filter.isDocument() ? Optional.of(filter.asDocument()) : Optional.empty();
  }

  /** The index's collation: its keys are the collation's comparison keys of the indexed values. */
  public Collation collation() {
    BsonValue collation = spec.get("collation");
    return collation == null ? Collation.SIMPLE : Collation.parse(collation);
  }

  /** The {@code expireAfterSeconds} of a TTL index. */
  public OptionalLong expireAfterSeconds() {
    BsonValue seconds = spec.get("expireAfterSeconds");
    return seconds != null && seconds.isNumber() ? OptionalLong.of(seconds.asNumber().longValue())
        : OptionalLong.empty();
  }

  public IndexDescriptor asMultikey() {
    return new IndexDescriptor(id, spec, true);
  }

  public BsonDocument toBson() {
    BsonDocument stored = new BsonDocument("id", new BsonInt64(id)).append("spec", spec);
    return multikey ? stored.append("multikey", BsonBoolean.TRUE) : stored;
  }

  public static IndexDescriptor fromBson(BsonDocument stored) {
    return new IndexDescriptor(stored.getInt64("id").getValue(), stored.getDocument("spec"),
        stored.getBoolean("multikey", BsonBoolean.FALSE).getValue());
  }
}
