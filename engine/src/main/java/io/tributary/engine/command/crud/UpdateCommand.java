package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.update.Update;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code update}: each statement {@code {q, u, upsert, multi, arrayFilters, hint, collation}} runs as one
 * atomic unit (a multi-update logs one entry per changed document). Reply: {@code n} (matched or upserted),
 * {@code nModified}, {@code upserted: [{index, _id}]}, {@code writeErrors}. Retryable.
 */
public final class UpdateCommand implements SyncCommand {
  @Override
  public String name() {
    return "update";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  /** See {@link QuickWrites#byId}. */
  @Override
  public boolean isQuick(Engine engine, String database, BsonDocument command) {
    return QuickWrites.byId(engine, command.get("updates"), "q");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    BsonArray statements = WriteStatements.parse(command, "update.updates", Statement.FIELDS);
    boolean ordered = CommandArguments.bool(command, "ordered", true);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    WriteStatements.Outcome outcome = DurableAck.acknowledged(context, command,
        () -> WriteStatements.run(statements, "update.updates", ordered,
            (statement, i) -> runStatement(context, command, namespace, statement, retryable, i)));
    BsonArray upserted = new BsonArray();
    outcome.results().forEach((index, result) -> {
      if (result.containsKey("upserted")) {
        upserted.add(new BsonDocument("index", new BsonInt32(index)).append("_id", result.get("upserted")));
      }
    });
    BsonDocument reply = new BsonDocument("n", new BsonInt32(outcome.sum("n")));
    if (!upserted.isEmpty()) {
      reply.append("upserted", upserted);
    }
    return outcome.errors().appendTo(reply.append("nModified", new BsonInt32(outcome.sum("nModified"))));
  }

  private static BsonDocument runStatement(CommandContext context, BsonDocument command, Namespace namespace,
      BsonDocument statement, RetryableWrite retryable, int index) {
    Statement parsed = Statement.parse(statement,
        EnginePipelineContext.of(context, command, CommandCollation.of(context.engine(), namespace, statement)),
        CommandArguments.bool(command, "bypassDocumentValidation", false));
    return retryable.run(index, () -> retryable.write(index,
        unit -> parsed.execute(unit, namespace)));
  }

  /** One parsed update statement. */
  private record Statement(BsonDocument filter, Matcher matcher, Update update, boolean upsert, boolean multi,
      boolean bypassValidation, BsonValue hint) {
    private static final Set<String> FIELDS = Set.of("q", "u", "upsert", "multi", "arrayFilters", "hint",
        "collation", "c", "upsertSupplied");

    /** The statement, its filter and update under the collation of {@code context}. */
    static Statement parse(BsonDocument statement, EnginePipelineContext context, boolean bypassValidation) {
      BsonValue u = statement.get("u");
      if (u == null || !(u.isDocument() || u.isArray())) {
        throw ErrorCode.FAILED_TO_PARSE.error("BSON field 'update.updates.u' is missing but a required field");
      }
      Update update = Update.parse(u, statement.getArray("arrayFilters", null), context);
      boolean multi = CommandArguments.bool(statement, "multi", false);
      if (multi && update.isReplacement()) {
        throw ErrorCode.FAILED_TO_PARSE.error("multi update is not supported for replacement-style update");
      }
      BsonDocument filter = CommandArguments.document(statement, "q", new BsonDocument());
      return new Statement(filter, Matcher.compile(filter, context.variables()), update,
          CommandArguments.bool(statement, "upsert", false), multi, bypassValidation, statement.get("hint"));
    }

    BsonDocument execute(WriteUnit unit, Namespace namespace) {
      Optional<CollectionMetadata> collection = unit.writableCollection(namespace);
      List<MatchedDocument> matched = collection.map(c -> matching(unit, c)).orElse(List.of());
      if (matched.isEmpty()) {
        return upsert ? upserted(DocumentUpdates.upsert(unit, namespace, filter, update, bypassValidation).get("_id"))
            : counts(0, 0);
      }
      int modified = 0;
      for (MatchedDocument document : matched) {
        modified += DocumentUpdates.apply(unit, collection.get(), document, update, bypassValidation).modified() ? 1 : 0;
      }
      return counts(matched.size(), modified);
    }

    private List<MatchedDocument> matching(WriteUnit unit, CollectionMetadata collection) {
      try (Stream<MatchedDocument> all = CollectionQuery.query(unit.view(), collection,
          new QueryRequest(filter, null, hint), matcher).documents()) {
        return (multi ? all : all.limit(1)).collect(Collectors.toList());
      }
    }

    private static BsonDocument counts(int n, int modified) {
      return new BsonDocument("n", new BsonInt32(n)).append("nModified", new BsonInt32(modified));
    }

    private static BsonDocument upserted(BsonValue id) {
      return counts(1, 0).append("upserted", id);
    }
  }
}
