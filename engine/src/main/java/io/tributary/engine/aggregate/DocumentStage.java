package io.tributary.engine.aggregate;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bson.BsonDocument;

/**
 * A stage that turns each input document into at most one output document, independently of the others
 * ({@code $match $project $addFields $set $unset $replaceRoot $replaceWith $redact}). Such stages can run on a
 * single document, which is how change streams apply a pipeline to each event.
 */
public sealed interface DocumentStage extends Stage
    permits MatchStage, ProjectStage, AddFieldsStage, ReplaceRootStage, RedactStage {
  /** The output for {@code document} (which is not modified), or null when the stage drops it. */
  BsonDocument applyTo(BsonDocument document, Execution execution);

  @Override
  default Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Iterator<>() {
      private BsonDocument next;

      @Override
      public boolean hasNext() {
        while (next == null && input.hasNext()) {
          next = applyTo(input.next(), execution);
        }
        return next != null;
      }

      @Override
      public BsonDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        BsonDocument result = next;
        next = null;
        return result;
      }
    };
  }
}
