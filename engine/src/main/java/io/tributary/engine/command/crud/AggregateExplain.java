package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Explains an {@code aggregate} as mongod does: a pipeline that is only a {@code $match} is explained like a
 * find (top-level {@code queryPlanner}); otherwise the reply lists {@code stages}, the first a {@code $cursor}
 * holding the plan of the collection read, then the remaining stages as given. A view's pipeline is resolved
 * onto its backing collection first. Stateless.
 */
final class AggregateExplain {
  private AggregateExplain() {}

  static BsonDocument explain(CommandContext context, BsonDocument command, boolean execute) {
    Namespace namespace = CommandArguments.namespace(context, command);
    Collation collation = CommandCollation.of(context.engine(), namespace, command);
    List<BsonDocument> stages = new ArrayList<>();
    Optional<ViewDefinition> view = ViewDefinition.resolve(context.engine().catalog(), namespace);
    if (view.isPresent()) {
      namespace = view.get().source();
      stages.addAll(view.get().pipeline());
    }
    command.getArray("pipeline", new BsonArray()).forEach(stage -> stages.add(stage.asDocument()));
    QueryRequest request = PipelineSource.request(stages, command.get("hint"));
    Matcher matcher = Matcher.compile(request.filter(),
        EnginePipelineContext.of(context, command).variables().withCollation(collation));
    ExplainTarget target = new ExplainTarget(namespace, request, matcher, (plan, stage) -> stage,
        results -> results.documents().count());
    BsonDocument cursor = ExplainCommand.explain(context, target, execute);
    List<BsonDocument> rest = PipelineSource.afterMatch(stages);
    if (rest.isEmpty()) {
      return cursor;
    }
    BsonArray explained = new BsonArray();
    cursor.remove("explainVersion");
    explained.add(new BsonDocument("$cursor", cursor));
    rest.forEach(explained::add);
    return new BsonDocument("explainVersion", new BsonString("1")).append("stages", explained);
  }
}
