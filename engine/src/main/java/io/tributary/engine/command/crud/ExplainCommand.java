package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.admin.ServerVersion;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.ExplainOutput;
import io.tributary.engine.plan.PlanChoice;
import io.tributary.engine.plan.QueryPlanner;
import io.tributary.engine.plan.ScanStats;
import io.tributary.engine.storage.Snapshot;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code explain}: the plan a {@code find}, {@code count}, {@code distinct}, {@code update}, {@code delete},
 * {@code findAndModify} or {@code aggregate} would run, in mongod's shape ({@code queryPlanner}, and with
 * verbosity {@code executionStats} or {@code allPlansExecution} (the default) also {@code executionStats}). The
 * explained command is planned exactly as it would run, reads one snapshot and never writes: an explained
 * update counts what it would modify. Stateless.
 */
public final class ExplainCommand implements SyncCommand {
  private static final Set<String> VERBOSITIES = Set.of("queryPlanner", "executionStats", "allPlansExecution");

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonValue explained = command.get("explain");
    if (explained == null || !explained.isDocument() || explained.asDocument().isEmpty()) {
      throw CommandArguments.typeMismatch("explain", "object", explained == null ? new BsonInt32(0) : explained);
    }
    String verbosity = command.getString("verbosity", new BsonString("allPlansExecution")).getValue();
    if (!VERBOSITIES.contains(verbosity)) {
      throw ErrorCode.BAD_VALUE.error("verbosity string must be one of {'queryPlanner', 'executionStats', "
          + "'allPlansExecution'}");
    }
    BsonDocument inner = explained.asDocument();
    boolean execute = !verbosity.equals("queryPlanner");
    BsonDocument reply = inner.getFirstKey().equals("aggregate")
        ? AggregateExplain.explain(context, inner, execute)
        : explain(context, ExplainTarget.of(context, inner), execute);
    return reply.append("command", inner).append("serverInfo", serverInfo(context));
  }

  static BsonDocument explain(CommandContext context, ExplainTarget target, boolean execute) {
    BsonDocument reply = new BsonDocument("explainVersion", new BsonString("1"));
    try (Snapshot snapshot = context.engine().storage().snapshot()) {
      Optional<CollectionMetadata> collection = context.engine().catalog().lookup(target.namespace())
          .filter(c -> !c.isView()).map(c -> CollectionQuery.asOf(snapshot, c));
      if (collection.isEmpty()) {
        reply.append("queryPlanner", ExplainOutput.emptyQueryPlanner(target.namespace(), target.request().filter()));
        if (execute) {
          reply.append("executionStats", ExplainOutput.executionStats(0, new ScanStats(), ExplainOutput.EOF_STAGE));
        }
        return reply;
      }
      PlanChoice choice = QueryPlanner.plan(collection.get(), target.request(), target.matcher());
      BsonDocument planner = ExplainOutput.queryPlanner(target.namespace(), target.request().filter(), choice,
          target.stages());
      reply.append("queryPlanner", planner);
      if (execute) {
        ScanStats stats = new ScanStats();
        long n;
        try (Stream<MatchedDocument> matching = CollectionQuery.execute(snapshot, collection.get(),
            target.matcher(), choice.winner(), stats)) {
          n = target.results().applyAsLong(new QueryResults(matching, choice.winner().providesSort()));
        }
        reply.append("executionStats", ExplainOutput.executionStats(n, stats, planner.getDocument("winningPlan")));
      }
    }
    return reply;
  }

  private static BsonDocument serverInfo(CommandContext context) {
    String address = context.engine().advertisedAddress();
    int colon = address.lastIndexOf(':');
    return new BsonDocument("host", new BsonString(colon < 0 ? address : address.substring(0, colon)))
        .append("port", new BsonInt32(colon < 0 ? 27017 : Integer.parseInt(address.substring(colon + 1))))
        .append("version", new BsonString(ServerVersion.VERSION))
        .append("gitVersion", new BsonString("tributary"));
  }
}
