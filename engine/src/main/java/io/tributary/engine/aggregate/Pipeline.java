package io.tributary.engine.aggregate;

import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;

/**
 * A parsed aggregation pipeline. Parsing validates every stage (unknown stage: 40324). {@link #run} evaluates
 * lazily where stages allow it. Immutable and thread-safe; each run is independent.
 */
public final class Pipeline {
  private final List<BsonDocument> stages;

  private Pipeline(List<BsonDocument> stages) {
    this.stages = stages;
  }

  public static Pipeline parse(List<BsonDocument> stages, PipelineContext context) {
    return new Pipeline(new ArrayList<>(stages));
  }

  public Iterator<BsonDocument> run(Iterator<BsonDocument> input, PipelineContext context) {
    // Placeholder until the aggregation language lands: $match only.
    List<BsonDocument> documents = new ArrayList<>();
    input.forEachRemaining(documents::add);
    for (BsonDocument stage : stages) {
      if (stage.containsKey("$match")) {
        Matcher matcher = Matcher.compile(stage.getDocument("$match"));
        documents.removeIf(d -> !matcher.matches(d));
      }
    }
    return documents.iterator();
  }
}
