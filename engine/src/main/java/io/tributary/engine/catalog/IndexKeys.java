package io.tributary.engine.catalog;

import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonNumber;
import org.bson.BsonUndefined;
import org.bson.BsonValue;

/**
 * The keys a document contributes to an index, as mongod computes them: a missing field indexes as null (a
 * sparse index skips a document missing every indexed field), an array indexes each element (multikey; an empty
 * array indexes as undefined), and at most one indexed field of a compound index may be an array
 * ({@code CannotIndexParallelArrays}). A compound key's bytes are the concatenation of each component's
 * {@link KeyCodec} encoding, bit-inverted for descending components ({@link KeyCodec#encode(List, List)}). Stateless.
 */
public final class IndexKeys {
  private static final ErrorCode CANNOT_INDEX_PARALLEL_ARRAYS = new ErrorCode(171, "CannotIndexParallelArrays");

  private IndexKeys() {}

  /**
   * The distinct keys of {@code document} in {@code index}; empty when a sparse index skips the document or it
   * does not match a partial index's filter.
   */
  public static Set<IndexKey> of(IndexDescriptor index, BsonDocument document) {
    if (index.partialFilter().isPresent() && !Matcher.compile(index.partialFilter().get()).matches(document)) {
      return Set.of();
    }
    BsonDocument pattern = index.keyPattern();
    List<List<BsonValue>> components = new ArrayList<>();
    boolean anyPresent = false;
    String arrayField = null;
    for (Map.Entry<String, BsonValue> field : pattern.entrySet()) {
      List<BsonValue> values = new ArrayList<>();
      boolean array = PathValues.collect(document, field.getKey(), values);
      anyPresent |= !values.isEmpty();
      if (array && arrayField != null) {
        throw CANNOT_INDEX_PARALLEL_ARRAYS.error(
            "cannot index parallel arrays [" + field.getKey() + "] [" + arrayField + "]");
      }
      arrayField = array ? field.getKey() : arrayField;
      components.add(values.isEmpty() ? List.of(BsonNull.VALUE) : values);
    }
    if (index.isSparse() && !anyPresent) {
      return Set.of();
    }
    if (components.size() == 1 && components.get(0).size() == 1) {
      // The usual case (every insert's _id key, a single-field index of a scalar): one key, nothing to combine.
      BsonDocument value = new BsonDocument(pattern.getFirstKey(), components.get(0).get(0));
      return Set.of(new IndexKey(value, encode(pattern, value, index.collation())));
    }
    Set<IndexKey> keys = new LinkedHashSet<>();
    combine(pattern, index.collation(), components, 0, new BsonDocument(), keys);
    return keys;
  }

  /** Whether {@code document} gives {@code index} its keys through an array (the index becomes multikey). */
  public static boolean isMultikey(IndexDescriptor index, BsonDocument document) {
    for (String field : index.keyPattern().keySet()) {
      if (PathValues.collect(document, field, new ArrayList<>())) {
        return true;
      }
    }
    return false;
  }

  private static void combine(BsonDocument pattern, Collation collation, List<List<BsonValue>> components, int i,
      BsonDocument prefix, Set<IndexKey> out) {
    List<String> fields = new ArrayList<>(pattern.keySet());
    if (i == components.size()) {
      out.add(new IndexKey(prefix.clone(), encode(pattern, prefix, collation)));
      return;
    }
    for (BsonValue value : components.get(i)) {
      prefix.put(fields.get(i), value);
      combine(pattern, collation, components, i + 1, prefix, out);
    }
    prefix.remove(fields.get(i));
  }

  /** The bytes of a key whose values are given in pattern order in {@code value}, in a simple-collation index. */
  public static byte[] encode(BsonDocument pattern, BsonDocument value) {
    return encode(pattern, value, Collation.SIMPLE);
  }

  /**
   * The bytes of a key whose values are given in pattern order in {@code value}, in an index with
   * {@code collation} (strings are stored as their comparison keys).
   */
  public static byte[] encode(BsonDocument pattern, BsonDocument value, Collation collation) {
    List<BsonValue> values = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    pattern.forEach((field, direction) -> {
      values.add(collation.key(value.get(field, BsonNull.VALUE)));
      descending.add(direction instanceof BsonNumber number && number.doubleValue() < 0);
    });
    return KeyCodec.encode(values, descending);
  }

  /** Values at a dotted path, descending into arrays. */
  private static final class PathValues {
    private PathValues() {}

    /** Adds the values at {@code path} to {@code out}; returns whether an array was expanded. */
    static boolean collect(BsonDocument document, String path, List<BsonValue> out) {
      return collect(document, path.split("\\.", -1), 0, out);
    }

    private static boolean collect(BsonValue current, String[] parts, int i, List<BsonValue> out) {
      if (i == parts.length) {
        if (!current.isArray()) {
          out.add(current);
          return false;
        }
        if (current.asArray().isEmpty()) {
          out.add(new BsonUndefined());
        } else {
          current.asArray().forEach(out::add);
        }
        return true;
      }
      if (current.isDocument()) {
        BsonValue next = current.asDocument().get(parts[i]);
        return next != null && collect(next, parts, i + 1, out);
      }
      if (current.isArray()) {
        for (BsonValue element : current.asArray()) {
          if (element.isDocument()) {
            collect(element, parts, i, out);
          }
        }
        return true;
      }
      return false;
    }
  }
}
