package io.tributary.engine.aggregate;

import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;

/**
 * A stage that needs its whole input before it can emit anything ({@code $bucketAuto}, {@code $facet},
 * {@code $sample}, {@code $setWindowFields}): it drains its input on the first pull of its output, then emits what
 * {@link #emit} makes of it. ({@code $sort} drains too, but keeps only the top k when a {@code $limit} follows.)
 */
sealed interface BlockingStage extends Stage
    permits BucketAutoStage, FacetStage, SampleStage, SetWindowFieldsStage {
  /** The output for the whole input; {@code input} is the caller's to reorder or reuse. */
  List<BsonDocument> emit(List<BsonDocument> input, Execution execution);

  @Override
  default Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return Deferred.afterDraining(input, documents -> emit(documents, execution));
  }
}
