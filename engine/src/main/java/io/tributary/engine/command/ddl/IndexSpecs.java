package io.tributary.engine.command.ddl;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.Matcher;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Validation and normalization of a requested index specification, and its comparison with existing indexes, as
 * {@code createIndexes} does: the stored spec is {@code {v: 2, key, name, ...options}} with the options as given
 * (so {@code listIndexes} shows them back), a missing name is generated ({@code a_1_b_-1}). A bad key pattern or
 * TTL option is {@code CannotCreateIndex}, an unknown option {@code InvalidIndexSpecificationOption}. Stateless.
 */
public final class IndexSpecs {
  private static final ErrorCode INVALID_INDEX_SPECIFICATION_OPTION =
      new ErrorCode(197, "InvalidIndexSpecificationOption");
  private static final Set<String> FIELDS = Set.of("v", "key", "name", "unique", "sparse", "partialFilterExpression",
      "expireAfterSeconds", "background", "hidden", "collation", "weights", "default_language", "language_override",
      "textIndexVersion", "2dsphereIndexVersion", "bits", "min", "max", "storageEngine", "wildcardProjection", "ns",
      "prepareUnique");
  private static final Set<String> PLUGINS = Set.of("text", "2d", "2dsphere", "hashed", "geoHaystack");
  /** Options that do not make two indexes different. */
  private static final Set<String> NOT_OPTIONS = Set.of("v", "key", "name", "background", "ns");

  private IndexSpecs() {}

  public static BsonDocument normalize(BsonValue requested) {
    if (!requested.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("The elements of the 'indexes' array must be objects");
    }
    BsonDocument spec = requested.asDocument();
    for (String field : spec.keySet()) {
      if (!FIELDS.contains(field)) {
        throw INVALID_INDEX_SPECIFICATION_OPTION.error("The field '" + field
            + "' is not valid for an index specification. Specification: " + spec.toJson());
      }
    }
    BsonValue key = spec.get("key");
    if (key == null || !key.isDocument() || key.asDocument().isEmpty()) {
      throw ErrorCode.CANNOT_CREATE_INDEX.error("Index keys cannot be empty.");
    }
    validateKeyPattern(spec, key.asDocument());
    validateOptions(spec, key.asDocument());
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
   * {@code spec} (normalized) with its collation as mongod stores and lists it: the full specification of the
   * requested collation, or of the collection's default when none is requested; no {@code collation} field when
   * that is simple. An {@code _id} index must have the collection's default (CannotCreateIndex).
   */
  public static BsonDocument withCollation(BsonDocument spec, Collation collectionDefault) {
    BsonValue requested = spec.get("collation");
    Collation collation = requested == null ? collectionDefault : Collation.parse(requested);
    if (isIdPattern(spec.getDocument("key")) && !collation.equals(collectionDefault)) {
      throw ErrorCode.CANNOT_CREATE_INDEX.error("_id index must have the collection default collation");
    }
    if (collation.isSimple()) {
      spec.remove("collation");
    } else {
      spec.put("collation", collation.spec());
    }
    return spec;
  }

  /** {@code {_id: 1}}: the key pattern of an {@code _id} index. */
  private static boolean isIdPattern(BsonDocument key) {
    return key.size() == 1 && key.containsKey("_id") && key.get("_id").isNumber()
        && key.get("_id").asNumber().doubleValue() == 1;
  }

  private static void validateKeyPattern(BsonDocument spec, BsonDocument key) {
    for (Map.Entry<String, BsonValue> field : key.entrySet()) {
      BsonValue direction = field.getValue();
      if (field.getKey().isEmpty()) {
        throw cannotCreate(spec, "Index keys cannot be an empty field.");
      }
      if (field.getKey().startsWith("$") && !field.getKey().equals("$**")) {
        throw cannotCreate(spec, "Index key contains an illegal field name: field name starts with '$'.");
      }
      if (direction.isNumber() || direction.isDecimal128()) {
        double value = direction.isDecimal128() ? direction.asDecimal128().doubleValue()
            : direction.asNumber().doubleValue();
        if (Double.isNaN(value)) {
          throw cannotCreate(spec, "Values in the index key pattern cannot be NaN.");
        }
        if (value == 0) {
          throw cannotCreate(spec, "Values in the index key pattern cannot be 0.");
        }
      } else if (!direction.isString()) {
        throw cannotCreate(spec, "Values in v:2 index key pattern cannot be of type "
            + direction.getBsonType().name().toLowerCase(Locale.ROOT).replace("boolean", "bool")
            + ". Only numbers > 0, numbers < 0, and strings are allowed.");
      } else if (!PLUGINS.contains(direction.asString().getValue())) {
        throw cannotCreate(spec, "Unknown index plugin '" + direction.asString().getValue() + "'");
      }
    }
  }

  private static void validateOptions(BsonDocument spec, BsonDocument key) {
    BsonValue partial = spec.get("partialFilterExpression");
    if (partial != null) {
      if (!partial.isDocument()) {
        throw ErrorCode.TYPE_MISMATCH.error("The field 'partialFilterExpression' must be an object, but got "
            + partial.getBsonType().name().toLowerCase(Locale.ROOT));
      }
      Matcher.compile(partial.asDocument());
    }
    BsonValue expire = spec.get("expireAfterSeconds");
    if (expire != null) {
      if (!expire.isNumber()) {
        throw cannotCreate(spec, "TTL index 'expireAfterSeconds' option must be numeric, but received a type of '"
            + expire.getBsonType().name().toLowerCase(Locale.ROOT) + "'.");
      }
      double seconds = expire.asNumber().doubleValue();
      if (Double.isNaN(seconds) || seconds < 0 || seconds > Integer.MAX_VALUE) {
        throw ErrorCode.INVALID_OPTIONS.error("TTL index 'expireAfterSeconds' option must be within an "
            + "acceptable range, try a lower number. Index spec: " + spec.toJson());
      }
      if (key.size() > 1) {
        throw cannotCreate(spec, "TTL indexes are single-field indexes, compound indexes do not support TTL.");
      }
    }
  }

  private static MongoError cannotCreate(BsonDocument spec, String cause) {
    return ErrorCode.CANNOT_CREATE_INDEX.error("Error in specification " + spec.toJson() + " :: caused by :: "
        + cause);
  }

  /**
   * The existing index equal to {@code spec}, if any; fails when one conflicts: the same name with another key
   * ({@code IndexKeySpecsConflict}), the same name or the same key with other options, or the same key and
   * options under another name ({@code IndexOptionsConflict}). Indexes on the same key that differ in their
   * partial filter or collation may coexist.
   */
  public static Optional<IndexDescriptor> existing(CollectionMetadata collection, BsonDocument spec) {
    for (IndexDescriptor index : collection.indexes()) {
      boolean sameName = index.name().equals(spec.getString("name").getValue());
      boolean sameKey = index.keyPattern().equals(spec.getDocument("key"));
      boolean sameOptions = options(index.spec()).equals(options(spec));
      if (sameName && !sameKey) {
        throw ErrorCode.INDEX_KEY_SPECS_CONFLICT.error("An existing index has the same name as the requested "
            + "index. When index names are not specified, they are auto generated and can cause conflicts. "
            + "Please refer to our documentation. Requested index: " + spec.toJson() + ", existing index: "
            + index.spec().toJson());
      }
      if (sameName && sameOptions) {
        return Optional.of(index);
      }
      if (sameName) {
        throw ErrorCode.INDEX_OPTIONS_CONFLICT.error("An equivalent index already exists with the same name but "
            + "different options. Requested index: " + spec.toJson() + ", existing index: " + index.spec().toJson());
      }
      if (sameKey && !index.isIdIndex() && distinguishing(index.spec()).equals(distinguishing(spec))) {
        throw ErrorCode.INDEX_OPTIONS_CONFLICT.error(sameOptions
            ? "Index already exists with a different name: " + index.name()
            : "An equivalent index already exists with a different name and options. Requested index: "
                + spec.toJson() + ", existing index: " + index.spec().toJson());
      }
    }
    return Optional.empty();
  }

  /** The options that define an index's behaviour; {@code unique: false} and the like equal their absence. */
  private static Map<String, BsonValue> options(BsonDocument spec) {
    Map<String, BsonValue> options = new TreeMap<>();
    spec.forEach((field, value) -> {
      boolean defaultFlag = value.isBoolean() && !value.asBoolean().getValue();
      if (!NOT_OPTIONS.contains(field) && !defaultFlag) {
        options.put(field, value);
      }
    });
    return options;
  }

  /** What lets two indexes share a key pattern. */
  private static Map<String, BsonValue> distinguishing(BsonDocument spec) {
    Map<String, BsonValue> options = new TreeMap<>();
    for (String field : new String[] {"partialFilterExpression", "collation"}) {
      if (spec.containsKey(field)) {
        options.put(field, spec.get(field));
      }
    }
    return options;
  }

  static String defaultName(BsonDocument key) {
    StringJoiner name = new StringJoiner("_");
    key.forEach((field, direction) -> name.add(field).add(direction.isNumber()
        ? Integer.toString(direction.asNumber().intValue()) : direction.asString().getValue()));
    return name.toString();
  }
}
