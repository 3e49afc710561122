package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryPlan;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * What {@code explain} needs of an explained read or write: its namespace, query request and compiled filter,
 * the command's own stages around the plan's ({@code SORT}, {@code SKIP}, {@code LIMIT}, {@code COUNT},
 * {@code UPDATE}, {@code DELETE}...), and how many results the command would produce from the matching documents.
 */
record ExplainTarget(Namespace namespace, QueryRequest request, Matcher matcher,
    BiFunction<QueryPlan, BsonDocument, BsonDocument> stages, ToLongFunction<QueryResults> results) {

  static ExplainTarget of(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    return switch (command.getFirstKey()) {
      case "find" -> find(context, namespace, command);
      case "count" -> count(namespace, command);
      case "distinct" -> simple(namespace, CommandArguments.document(command, "query", new BsonDocument()),
          command.get("hint"), "PROJECTION_DEFAULT", Long.MAX_VALUE);
      case "update" -> write(context, namespace, command, "updates", "UPDATE");
      case "delete" -> write(context, namespace, command, "deletes", "DELETE");
      case "findAndModify" -> simple(namespace, CommandArguments.document(command, "query", new BsonDocument()),
          command.get("hint"), command.containsKey("remove") && CommandArguments.bool(command, "remove", false)
              ? "DELETE" : "UPDATE", 1);
      default -> throw ErrorCode.COMMAND_NOT_FOUND.error("Explain failed due to unknown command: "
          + command.getFirstKey());
    };
  }

  private static ExplainTarget find(CommandContext context, Namespace namespace, BsonDocument command) {
    Collation collation = CommandCollation.of(context.engine(), namespace, command);
    FindCommand.FindOptions options = FindCommand.FindOptions.parse(command, collation);
    Matcher matcher = Matcher.compile(options.filter(),
        EnginePipelineContext.of(context, command).variables().withCollation(collation));
    return new ExplainTarget(namespace, options.request(), matcher, (plan, stage) -> {
      BsonDocument wrapped = stage;
      if (options.sort() != null && !plan.providesSort()) {
        wrapped = stage("SORT", wrapped, new BsonDocument("sortPattern", options.sortSpec())
            .append("memLimit", new BsonInt64(104_857_600)).append("type", new BsonString("simple")));
      }
      if (options.skip() > 0) {
        wrapped = stage("SKIP", wrapped, new BsonDocument("skipAmount", new BsonInt64(options.skip())));
      }
      if (options.limit() > 0) {
        wrapped = stage("LIMIT", wrapped, new BsonDocument("limitAmount", new BsonInt64(options.limit())));
      }
      return options.projection() == null ? wrapped : stage("PROJECTION_DEFAULT", wrapped,
          new BsonDocument("transformBy", command.getDocument("projection")));
    }, results -> options.apply(results).count());
  }

  private static ExplainTarget count(Namespace namespace, BsonDocument command) {
    BsonDocument query = CommandArguments.document(command, "query", new BsonDocument());
    long skip = Math.max(0, CommandArguments.longValue(command, "skip", 0));
    long limit = Math.abs(CommandArguments.longValue(command, "limit", 0));
    return new ExplainTarget(namespace, new QueryRequest(query, null, command.get("hint")), Matcher.compile(query),
        (plan, stage) -> stage("COUNT", stage), results -> {
          long n = Math.max(0, results.documents().count() - skip);
          return limit > 0 ? Math.min(n, limit) : n;
        });
  }

  /** The first statement of an update or delete (mongod explains exactly one). */
  private static ExplainTarget write(CommandContext context, Namespace namespace, BsonDocument command,
      String statements, String stageName) {
    BsonArray all = command.getArray(statements, new BsonArray());
    if (all.size() != 1 || !all.get(0).isDocument()) {
      throw ErrorCode.INVALID_LENGTH.error("explained " + command.getFirstKey() + " must have exactly one "
          + "statement");
    }
    BsonDocument statement = all.get(0).asDocument();
    boolean many = statements.equals("updates") ? CommandArguments.bool(statement, "multi", false)
        : CommandArguments.longValue(statement, "limit", 0) == 0;
    return simple(namespace, CommandArguments.document(statement, "q", new BsonDocument()), statement.get("hint"),
        stageName, many ? Long.MAX_VALUE : 1);
  }

  private static ExplainTarget simple(Namespace namespace, BsonDocument filter, BsonValue hint, String stageName,
      long maxResults) {
    return new ExplainTarget(namespace, new QueryRequest(filter, null, hint), Matcher.compile(filter),
        (plan, stage) -> stage(stageName, stage), results -> Math.min(results.documents().count(), maxResults));
  }

  private static BsonDocument stage(String name, BsonDocument input) {
    return stage(name, input, new BsonDocument());
  }

  /** A stage in mongod's field order: its name, its own fields, then its input. */
  private static BsonDocument stage(String name, BsonDocument input, BsonDocument details) {
    BsonDocument stage = new BsonDocument("stage", new BsonString(name));
    stage.putAll(details);
    return stage.append("inputStage", input);
  }
}
