package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;

/**
 * Where a pipeline ending in {@code $out} or {@code $merge} writes its results. The pipeline only parses and
 * validates the stage and decides, document by document, what {@code $merge} does; the aggregate command performs
 * the writes (it owns the write path) after draining {@link Pipeline#run}, whose output then excludes this stage.
 */
public sealed interface PipelineOutput permits OutStage, MergeStage {
  /** {@code "$out"} or {@code "$merge"}. */
  String name();

  /** The collection written, resolved against the aggregate's database. */
  Namespace target(PipelineContext context);
}
