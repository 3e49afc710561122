package io.tributary.engine.aggregate;

import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.SystemVariables;
import org.bson.BsonDocument;

/**
 * One run of a pipeline: the world it reads ({@link PipelineContext}) and the variables fixed for the run
 * ({@code $$NOW}, {@code $$CLUSTER_TIME}, {@code let} values). Immutable.
 */
public record Execution(PipelineContext context, SystemVariables variables) {
  /** The scope in which a stage evaluates its expressions against {@code document}. */
  public Scope scope(BsonDocument document) {
    return Scope.of(document, variables);
  }

  /** The same run with {@code user} as the user variables ({@code $lookup}'s {@code let}). */
  Execution withUserVariables(BsonDocument user) {
    return new Execution(context, variables.withUser(user));
  }
}
