package io.tributary.engine.plan;

import io.tributary.engine.Namespace;
import java.util.function.BiFunction;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The sections of an explain reply in mongod's shape: {@code queryPlanner} ({@code namespace},
 * {@code parsedQuery}, {@code winningPlan}, {@code rejectedPlans}) and {@code executionStats}
 * ({@code nReturned}, {@code totalKeysExamined}, {@code totalDocsExamined}, {@code executionStages}: the winning
 * plan with each stage's counters). A command's own stages ({@code SORT}, {@code LIMIT}, {@code UPDATE}...) are
 * wrapped around the plan's by the caller's {@code wrap}. Stateless.
 */
public final class ExplainOutput {
  /** The stage explain shows when the collection does not exist. */
  public static final BsonDocument EOF_STAGE = new BsonDocument("stage", new BsonString("EOF"));

  private ExplainOutput() {}

  public static BsonDocument queryPlanner(Namespace namespace, BsonDocument filter, PlanChoice choice,
      BiFunction<QueryPlan, BsonDocument, BsonDocument> wrap) {
    BsonDocument parsed = ParsedQuery.of(filter);
    BsonArray rejected = new BsonArray();
    choice.rejected().forEach(plan -> rejected.add(wrap.apply(plan, plan.explain(parsed))));
    return planner(namespace, parsed, wrap.apply(choice.winner(), choice.winner().explain(parsed)), rejected);
  }

  /** The planner section of a read of a collection that does not exist. */
  public static BsonDocument emptyQueryPlanner(Namespace namespace, BsonDocument filter) {
    return planner(namespace, ParsedQuery.of(filter), EOF_STAGE.clone(), new BsonArray());
  }

  private static BsonDocument planner(Namespace namespace, BsonDocument parsed, BsonDocument winner,
      BsonArray rejected) {
    return new BsonDocument("namespace", new BsonString(namespace.fullName()))
        .append("indexFilterSet", BsonBoolean.FALSE)
        .append("parsedQuery", parsed)
        .append("queryHash", new BsonString(Integer.toHexString(parsed.hashCode()).toUpperCase()))
        .append("maxIndexedOrSolutionsReached", BsonBoolean.FALSE)
        .append("maxIndexedAndSolutionsReached", BsonBoolean.FALSE)
        .append("maxScansToExplodeReached", BsonBoolean.FALSE)
        .append("winningPlan", winner)
        .append("rejectedPlans", rejected);
  }

  /** The execution section: {@code stages} is the winning plan as {@code queryPlanner} shows it. */
  public static BsonDocument executionStats(long nReturned, ScanStats stats, BsonDocument stages) {
    return new BsonDocument("executionSuccess", BsonBoolean.TRUE)
        .append("nReturned", new BsonInt64(nReturned))
        .append("executionTimeMillis", new BsonInt32(0))
        .append("totalKeysExamined", new BsonInt64(stats.keysExamined()))
        .append("totalDocsExamined", new BsonInt64(stats.docsExamined()))
        .append("executionStages", withCounters(stages.clone(), nReturned, stats));
  }

  /** Adds each stage's counters: results for the outermost, keys for an index scan, documents where fetched. */
  private static BsonDocument withCounters(BsonDocument stage, long nReturned, ScanStats stats) {
    String name = stage.getString("stage").getValue();
    BsonDocument counted = new BsonDocument("stage", stage.get("stage"))
        .append("nReturned", new BsonInt64(nReturned))
        .append("executionTimeMillisEstimate", new BsonInt32(0));
    if (name.equals("IXSCAN")) {
      counted.append("keysExamined", new BsonInt64(stats.keysExamined()));
    }
    if (name.equals("FETCH") || name.equals("COLLSCAN")) {
      counted.append("docsExamined", new BsonInt64(stats.docsExamined()));
    }
    stage.forEach((field, value) -> {
      if (!field.equals("stage")) {
        counted.append(field, field.equals("inputStage") ? inner(value, stats) : value);
      }
    });
    return counted;
  }

  /** Inner stages report what reached the stage above them; without per-stage counts, the documents read. */
  private static BsonValue inner(BsonValue stage, ScanStats stats) {
    return withCounters(stage.asDocument(), stats.docsExamined(), stats);
  }
}
