package io.tributary.engine.update;

import io.tributary.engine.aggregate.Pipeline;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A pipeline-style update ({@code [{$set: ...}, {$unset: ...}]}): runs the document through an aggregation
 * pipeline limited to the stages MongoDB allows in updates, then replaces the document with the output. Immutable
 * and thread-safe.
 */
final class PipelineUpdate {
  private static final Set<String> ALLOWED_STAGES =
      Set.of("$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith");

  private final Pipeline pipeline;
  private final PipelineContext context;

  private PipelineUpdate(Pipeline pipeline, PipelineContext context) {
    this.pipeline = pipeline;
    this.context = context;
  }

  static PipelineUpdate parse(BsonArray spec, BsonArray arrayFilters, PipelineContext context) {
    if (arrayFilters != null && !arrayFilters.isEmpty()) {
      throw ErrorCode.FAILED_TO_PARSE.error("arrayFilters may not be specified for pipeline-style updates");
    }
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : spec) {
      if (!stage.isDocument()) {
        throw ErrorCode.TYPE_MISMATCH.error("Each element of the 'pipeline' array must be an object");
      }
      stages.add(stage.asDocument());
    }
    Pipeline pipeline = Pipeline.parse(stages, context);
    for (String name : pipeline.stageNames()) {
      if (!ALLOWED_STAGES.contains(name)) {
        throw ErrorCode.INVALID_OPTIONS.error(name + " is not allowed to be used within an update");
      }
    }
    return new PipelineUpdate(pipeline, context);
  }

  /** The pipeline's output for {@code document} (which is not modified). */
  BsonDocument transform(BsonDocument document) {
    return pipeline.applyTo(Values.deepCopy(document), context);
  }
}
