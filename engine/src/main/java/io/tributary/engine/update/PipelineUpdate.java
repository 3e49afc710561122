package io.tributary.engine.update;

import io.tributary.engine.aggregate.Pipeline;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
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

  private final List<BsonDocument> stages;
  private final PipelineContext context;
  private final Pipeline pipeline;

  private PipelineUpdate(List<BsonDocument> stages, PipelineContext context) {
    this.stages = stages;
    this.context = context;
    this.pipeline = Pipeline.parse(stages, context);
  }

  static PipelineUpdate parse(BsonArray spec, BsonArray arrayFilters, PipelineContext context) {
    if (arrayFilters != null && !arrayFilters.isEmpty()) {
      throw ErrorCode.FAILED_TO_PARSE.error("arrayFilters may not be specified for pipeline-style updates");
    }
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : spec) {
      if (!stage.isDocument() || stage.asDocument().size() != 1) {
        throw ErrorCode.TYPE_MISMATCH.error("Each element of the 'pipeline' array must be an object");
      }
      String name = stage.asDocument().getFirstKey();
      if (!ALLOWED_STAGES.contains(name)) {
        throw ErrorCode.INVALID_OPTIONS.error(name + " is not allowed to be used within an update");
      }
      stages.add(stage.asDocument());
    }
    return new PipelineUpdate(List.copyOf(stages), context);
  }

  /** The pipeline's output for {@code document} (which is not modified). */
  BsonDocument transform(BsonDocument document) {
    Iterator<BsonDocument> output = pipeline.run(List.of(Values.deepCopy(document)).iterator(), context);
    if (!output.hasNext()) {
      throw ErrorCode.INTERNAL_ERROR.error("The update pipeline " + stages + " produced no document");
    }
    return output.next();
  }
}
