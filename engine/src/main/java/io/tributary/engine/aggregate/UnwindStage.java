package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $unwind}: one output document per element of the array at {@code path}, with the element in place of
 * the array (and its index, a long, in {@code includeArrayIndex}). A non-array value passes through as is; null,
 * missing and empty arrays are dropped unless {@code preserveNullAndEmptyArrays} (which keeps the document, without
 * the empty array). Streams.
 */
record UnwindStage(List<String> path, String includeArrayIndex, boolean preserveNullAndEmptyArrays)
    implements Stage {
  static final String NAME = "$unwind";

  static UnwindStage parse(BsonValue spec) {
    if (spec.isString()) {
      return new UnwindStage(path(spec.asString().getValue()), null, false);
    }
    if (!spec.isDocument()) {
      throw ErrorCode.location(15981).error("expected either a string or an object as specification for $unwind "
          + "stage, got " + Values.typeName(spec));
    }
    String path = null;
    String index = null;
    boolean preserve = false;
    for (Map.Entry<String, BsonValue> option : spec.asDocument().entrySet()) {
      BsonValue value = option.getValue();
      switch (option.getKey()) {
        case "path":
          path = pathOption(value);
          break;
        case "includeArrayIndex":
          index = arrayIndexField(value);
          break;
        case "preserveNullAndEmptyArrays":
          preserve = preserveOption(value);
          break;
        default:
          throw ErrorCode.location(28811).error("unrecognized option to $unwind stage: " + option.getKey());
      }
    }
    if (path == null) {
      throw ErrorCode.location(28812).error("no path specified to $unwind stage");
    }
    return new UnwindStage(path(path), index, preserve);
  }

  private static String pathOption(BsonValue value) {
    if (!value.isString()) {
      throw ErrorCode.location(28808).error("expected a string as the path for $unwind stage, got "
          + Values.typeName(value));
    }
    return value.asString().getValue();
  }

  private static boolean preserveOption(BsonValue value) {
    if (!value.isBoolean()) {
      throw ErrorCode.location(28809).error("expected a boolean for the preserveNullAndEmptyArrays option to "
          + "$unwind stage, got " + Values.typeName(value));
    }
    return value.asBoolean().getValue();
  }

  private static List<String> path(String path) {
    if (!path.startsWith("$")) {
      throw ErrorCode.location(28818).error("path option to $unwind stage should be prefixed with a '$': " + path);
    }
    return Expressions.fieldPath(path.substring(1));
  }

  private static String arrayIndexField(BsonValue value) {
    if (!value.isString() || value.asString().getValue().isEmpty()) {
      throw ErrorCode.location(28810).error("expected a non-empty string for the includeArrayIndex option to "
          + "$unwind stage, got " + Values.typeName(value));
    }
    String field = value.asString().getValue();
    if (field.startsWith("$")) {
      throw ErrorCode.location(28822).error("includeArrayIndex option to $unwind stage should not be prefixed "
          + "with a '$': " + field);
    }
    Expressions.fieldPath(field);
    return field;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new FlatMap(input, this::unwind);
  }

  List<BsonDocument> unwind(BsonDocument document) {
    BsonValue value = Documents.get(document, path);
    if (value != null && value.isArray() && !value.asArray().isEmpty()) {
      List<BsonDocument> outputs = new ArrayList<>(value.asArray().size());
      for (int i = 0; i < value.asArray().size(); i++) {
        outputs.add(withIndex(Documents.with(document, path, value.asArray().get(i)), new BsonInt64(i)));
      }
      return outputs;
    }
    boolean empty = value != null && value.isArray();
    if ((empty || Values.isNullish(value)) && !preserveNullAndEmptyArrays) {
      return Collections.emptyList();
    }
    // mongod removes a preserved empty array rather than keep it.
    return List.of(withIndex(empty ? Documents.without(document, path) : document, BsonNull.VALUE));
  }

  private BsonDocument withIndex(BsonDocument document, BsonValue index) {
    return includeArrayIndex == null ? document
        : Documents.with(document, Expressions.fieldPath(includeArrayIndex), index);
  }
}
