package io.tributary.engine.aggregate;

import java.util.Iterator;
import org.bson.BsonDocument;

/**
 * One parsed pipeline stage. Stages are immutable and thread-safe: everything a run needs lives in the
 * iterators {@link #apply} returns. Streaming stages pull from their input only as their output is consumed;
 * blocking stages ({@code $sort}, {@code $group}...) drain their input on the first pull.
 */
public sealed interface Stage
    permits DocumentStage, BlockingStage, SortStage, LimitStage, SkipStage, GroupStage, CompositeStage, UnwindStage,
        LookupStage, GraphLookupStage, UnionWithStage, DocumentsStage, ListLocalSessionsStage {
  /** The stage's name as written in the pipeline, e.g. {@code "$match"} ({@code "$set"} stays {@code "$set"}). */
  String name();

  Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution);
}
