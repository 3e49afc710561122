package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.expression.ParseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The registry of pipeline stages: one explicit map from stage name to parser. {@code $changeStream} is a known
 * name that only the change-stream machinery may strip from the front of a pipeline; met here it fails like
 * mongod does for a {@code $changeStream} that is not first. {@code $out} and {@code $merge} are parsed by
 * {@link Pipeline} when last; anywhere else they fail with 40601. Stateless and thread-safe.
 */
final class Stages {
  static final String CHANGE_STREAM = "$changeStream";
  static final Set<String> OUTPUTS = Set.of(OutStage.NAME, MergeStage.NAME);

  private static final Map<String, StageParser> PARSERS = Map.ofEntries(
      Map.entry("$match", MatchStage::parse),
      Map.entry("$project", ProjectStage::parseProject),
      Map.entry("$unset", ProjectStage::parseUnset),
      Map.entry("$addFields", (spec, context) -> AddFieldsStage.parse("$addFields", spec, context)),
      Map.entry("$set", (spec, context) -> AddFieldsStage.parse("$set", spec, context)),
      Map.entry("$replaceRoot", ReplaceRootStage::parseReplaceRoot),
      Map.entry("$replaceWith", ReplaceRootStage::parseReplaceWith),
      Map.entry("$redact", RedactStage::parse),
      Map.entry("$sort", (spec, context) -> SortStage.parse(spec)),
      Map.entry("$limit", (spec, context) -> LimitStage.parse(spec)),
      Map.entry("$skip", (spec, context) -> SkipStage.parse(spec)),
      Map.entry("$group", GroupStage::parse),
      Map.entry("$count", GroupingStages::count),
      Map.entry("$sortByCount", GroupingStages::sortByCount),
      Map.entry("$bucket", BucketStage::parse),
      Map.entry("$unwind", (spec, context) -> UnwindStage.parse(spec)),
      Map.entry("$facet", FacetStage::parse),
      Map.entry("$lookup", LookupStage::parse),
      Map.entry("$unionWith", UnionWithStage::parse),
      Map.entry("$graphLookup", GraphLookupStage::parse),
      Map.entry("$bucketAuto", BucketAutoStage::parse),
      Map.entry("$setWindowFields", SetWindowFieldsStage::parse),
      Map.entry("$sample", (spec, context) -> SampleStage.parse(spec)),
      Map.entry("$documents", DocumentsStage::parse),
      Map.entry("$listLocalSessions", (spec, context) -> ListLocalSessionsStage.parse(spec)));

  private Stages() {}

  /** The name of a stage document, failing with 40323 unless it has exactly one field. */
  static String name(BsonDocument stage) {
    if (stage.size() != 1) {
      throw ErrorCode.location(40323).error("A pipeline stage specification object must contain exactly one field.");
    }
    return stage.getFirstKey();
  }

  static List<Stage> parse(List<BsonDocument> stages, ParseContext context) {
    List<Stage> parsed = new ArrayList<>(stages.size());
    for (BsonDocument stage : stages) {
      Stage next = parse(stage, context);
      int last = parsed.size() - 1;
      if (next instanceof LimitStage && last >= 0 && parsed.get(last) instanceof SortStage) {
        // The $limit stays in the pipeline; the sort merely stops keeping what the limit would drop.
        parsed.set(last, ((SortStage) parsed.get(last)).limitedTo(((LimitStage) next).limit()));
      }
      parsed.add(next);
    }
    return parsed;
  }

  /**
   * A sub-pipeline ({@code $lookup}'s and {@code $unionWith}'s {@code pipeline}): an array of stage documents,
   * anything else failing with {@code notAnArrayOfObjects}.
   */
  static List<Stage> parseArray(BsonValue pipeline, ParseContext context, Supplier<MongoError> notAnArrayOfObjects) {
    if (!pipeline.isArray() || pipeline.asArray().stream().anyMatch(stage -> !stage.isDocument())) {
      throw notAnArrayOfObjects.get();
    }
    List<BsonDocument> stages = new ArrayList<>();
    pipeline.asArray().forEach(stage -> stages.add(stage.asDocument()));
    return parse(stages, context);
  }

  static Stage parse(BsonDocument stage, ParseContext context) {
    String name = name(stage);
    if (name.equals(CHANGE_STREAM)) {
      throw ErrorCode.location(40602).error("$changeStream is only valid as the first stage in a pipeline.");
    }
    if (OUTPUTS.contains(name)) {
      throw ErrorCode.location(40601).error(name + " can only be the final stage in the pipeline");
    }
    StageParser parser = PARSERS.get(name);
    if (parser == null) {
      throw ErrorCode.location(40324).error("Unrecognized pipeline stage name: '" + name + "'");
    }
    return parser.parse(stage.get(name), context);
  }
}
