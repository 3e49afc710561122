package io.tributary.engine.aggregate;

import io.tributary.engine.aggregate.ProjectionNode.Exclude;
import io.tributary.engine.aggregate.ProjectionNode.Include;
import io.tributary.engine.aggregate.ProjectionNode.Nested;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.ParseContext;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code $project} and {@code $unset}. An inclusion projection copies the included fields in the input's order
 * (dropping non-document array elements along included paths), then sets computed fields in specification order;
 * {@code _id} is included unless excluded. An exclusion projection copies everything but the excluded paths.
 */
record ProjectStage(String name, Nested tree, boolean inclusion) implements DocumentStage {
  static ProjectStage parseProject(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15969).error("$project specification must be an object");
    }
    return ProjectionParser.project("$project", spec.asDocument(), context);
  }

  static ProjectStage parseUnset(BsonValue spec, ParseContext context) {
    if (!spec.isString() && !spec.isArray()) {
      throw ErrorCode.location(31002).error("$unset specification must be a string or an array");
    }
    BsonArray fields = spec.isString() ? new BsonArray(List.of(spec)) : spec.asArray();
    if (fields.isEmpty()) {
      throw ErrorCode.location(31119).error("$unset specification must be a string or an array with at least "
          + "one field");
    }
    if (fields.stream().anyMatch(field -> !field.isString())) {
      throw ErrorCode.location(31120).error("$unset specification must be a string or an array containing only "
          + "string values");
    }
    BsonDocument exclusion = new BsonDocument();
    fields.forEach(field -> exclusion.put(field.asString().getValue(), new BsonInt32(0)));
    return ProjectionParser.project("$unset", exclusion, context);
  }

  @Override
  public BsonDocument applyTo(BsonDocument document, Execution execution) {
    if (!inclusion) {
      return exclude(document, tree);
    }
    BsonDocument projected = include(document, tree);
    ComputedFields.apply(projected, tree, execution.scope(document));
    return projected;
  }

  private static BsonDocument include(BsonDocument document, Nested node) {
    BsonDocument projected = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      ProjectionNode child = node.children().get(field.getKey());
      BsonValue value = null;
      if (child instanceof Include) {
        value = field.getValue();
      } else if (child instanceof Nested) {
        value = includeValue(field.getValue(), (Nested) child);
      }
      if (value != null) {
        projected.append(field.getKey(), value);
      }
    }
    return projected;
  }

  private static BsonValue includeValue(BsonValue value, Nested node) {
    if (value.isDocument()) {
      return include(value.asDocument(), node);
    }
    if (!value.isArray()) {
      return null;
    }
    BsonArray elements = new BsonArray();
    for (BsonValue element : value.asArray()) {
      BsonValue projected = includeValue(element, node);
      if (projected != null) {
        elements.add(projected);
      }
    }
    return elements;
  }

  private static BsonDocument exclude(BsonDocument document, Nested node) {
    BsonDocument projected = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      ProjectionNode child = node.children().get(field.getKey());
      if (child instanceof Nested) {
        projected.append(field.getKey(), excludeValue(field.getValue(), (Nested) child));
      } else if (!(child instanceof Exclude)) {
        projected.append(field.getKey(), field.getValue());
      }
    }
    return projected;
  }

  private static BsonValue excludeValue(BsonValue value, Nested node) {
    if (value.isDocument()) {
      return exclude(value.asDocument(), node);
    }
    if (!value.isArray()) {
      return value;
    }
    BsonArray elements = new BsonArray();
    value.asArray().forEach(element -> elements.add(excludeValue(element, node)));
    return elements;
  }
}
