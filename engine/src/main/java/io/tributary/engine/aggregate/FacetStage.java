package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $facet}: runs each named sub-pipeline over the same (buffered) input and outputs one document with one
 * array per facet, even for empty input. Blocking.
 */
record FacetStage(Map<String, List<Stage>> facets) implements BlockingStage {
  static final String NAME = "$facet";
  private static final Set<String> NOT_IN_FACET = Set.of("$facet", "$out", "$merge", "$collStats", "$indexStats",
      "$geoNear", "$documents", "$changeStream", "$listLocalSessions");

  static FacetStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument() || spec.asDocument().isEmpty()) {
      throw ErrorCode.location(40169).error("the $facet specification must be a non-empty object, but found: "
          + Values.format(spec));
    }
    Map<String, List<Stage>> facets = new LinkedHashMap<>();
    for (Map.Entry<String, BsonValue> facet : spec.asDocument().entrySet()) {
      Expressions.fieldPath(facet.getKey());
      facets.put(facet.getKey(), pipeline(facet.getKey(), facet.getValue(), context));
    }
    return new FacetStage(facets);
  }

  private static List<Stage> pipeline(String name, BsonValue value, ParseContext context) {
    if (!value.isArray()) {
      throw ErrorCode.location(40170).error("arguments to $facet must be arrays, " + name + " is type "
          + Values.typeName(value));
    }
    if (value.asArray().isEmpty()) {
      throw ErrorCode.location(40171).error("sub-pipeline in $facet stage cannot be empty");
    }
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : value.asArray()) {
      if (!stage.isDocument()) {
        throw ErrorCode.location(40170).error("arguments to $facet must be arrays of objects, " + name
            + " contains " + Values.typeName(stage));
      }
      String stageName = Stages.name(stage.asDocument());
      if (NOT_IN_FACET.contains(stageName)) {
        throw ErrorCode.location(40600).error(stageName + " is not allowed to be used within a $facet stage");
      }
      stages.add(stage.asDocument());
    }
    return Stages.parse(stages, context);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BsonDocument> emit(List<BsonDocument> documents, Execution execution) {
    BsonDocument result = new BsonDocument();
    facets.forEach((name, stages) -> {
      Iterator<BsonDocument> output = CompositeStage.chain(stages, documents.iterator(), execution);
      BsonArray values = new BsonArray();
      output.forEachRemaining(values::add);
      result.append(name, values);
    });
    return List.of(result);
  }
}
