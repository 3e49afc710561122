package io.tributary.engine.command.ddl;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Validation and normalization of a requested index specification, and its comparison with existing indexes, as
 * {@code createIndexes} does: the stored spec is {@code {v: 2, key, name, ...options}}, a missing name is
 * generated ({@code a_1_b_-1}). Stateless.
 */
public final class IndexSpecs {
  private IndexSpecs() {}

  public static BsonDocument normalize(BsonValue requested) {
    if (!requested.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("The elements of the 'indexes' array must be objects");
    }
    BsonDocument spec = requested.asDocument();
    BsonValue key = spec.get("key");
    if (key == null || !key.isDocument() || key.asDocument().isEmpty()) {
      throw ErrorCode.CANNOT_CREATE_INDEX.error("Index keys cannot be empty.");
    }
    for (Map.Entry<String, BsonValue> field : key.asDocument().entrySet()) {
      BsonValue direction = field.getValue();
      if (!(direction.isNumber() && direction.asNumber().doubleValue() != 0) && !direction.isString()) {
        throw ErrorCode.CANNOT_CREATE_INDEX.error("Values in the index key pattern can't be all zero");
      }
    }
    BsonDocument normalized = new BsonDocument("v", new BsonInt32(2)).append("key", key)
        .append("name", spec.containsKey("name") ? spec.get("name") : new BsonString(defaultName(key.asDocument())));
    spec.forEach((field, value) -> {
      if (!normalized.containsKey(field)) {
        normalized.append(field, value);
      }
    });
    return normalized;
  }

  /**
   * The existing index equal to {@code spec}, if any; fails when one conflicts (same name with another key:
   * {@code IndexKeySpecsConflict}; same key with another name: {@code IndexOptionsConflict}).
   */
  public static Optional<IndexDescriptor> existing(CollectionMetadata collection, BsonDocument spec) {
    for (IndexDescriptor index : collection.indexes()) {
      boolean sameName = index.name().equals(spec.getString("name").getValue());
      boolean sameKey = index.keyPattern().equals(spec.getDocument("key"));
      if (sameName && sameKey) {
        return Optional.of(index);
      }
      if (sameName) {
        throw ErrorCode.INDEX_KEY_SPECS_CONFLICT.error("An existing index has the same name as the requested "
            + "index. When index names are not specified, they are auto generated and can cause conflicts. "
            + "Please refer to our documentation. Requested index: " + spec.toJson() + ", existing index: "
            + index.spec().toJson());
      }
      if (sameKey && !index.isIdIndex()) {
        throw ErrorCode.INDEX_OPTIONS_CONFLICT.error("Index already exists with a different name: "
            + index.name());
      }
    }
    return Optional.empty();
  }

  static String defaultName(BsonDocument key) {
    StringJoiner name = new StringJoiner("_");
    key.forEach((field, direction) -> name.add(field).add(direction.isNumber()
        ? Integer.toString(direction.asNumber().intValue()) : direction.asString().getValue()));
    return name.toString();
  }
}
