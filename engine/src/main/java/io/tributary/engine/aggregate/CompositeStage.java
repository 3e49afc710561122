package io.tributary.engine.aggregate;

import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;

/**
 * A stage that mongod defines as a sequence of simpler ones ({@code $count}, {@code $sortByCount},
 * {@code $bucket}), keeping its own name.
 */
record CompositeStage(String name, List<Stage> stages) implements Stage {
  CompositeStage {
    stages = List.copyOf(stages);
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return chain(stages, input, execution);
  }

  /** {@code input} through each of {@code stages} in turn: how every pipeline and sub-pipeline runs. */
  static Iterator<BsonDocument> chain(List<Stage> stages, Iterator<BsonDocument> input, Execution execution) {
    Iterator<BsonDocument> output = input;
    for (Stage stage : stages) {
      output = stage.apply(output, execution);
    }
    return output;
  }
}
