package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.error.MongoError;
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

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    BsonArray statements = command.getArray("updates", null);
    if (statements == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("BSON field 'update.updates' is missing but a required field");
    }
    // mongod parses the whole command first: a malformed statement fails the command, not one statement
    statements.stream().filter(BsonValue::isDocument)
        .forEach(s -> CommandArguments.requireKnownFields(s.asDocument(), "update.updates", Statement.FIELDS));
    boolean ordered = CommandArguments.bool(command, "ordered", true);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    WriteErrors errors = new WriteErrors();
    long n = 0;
    long modified = 0;
    BsonArray upserted = new BsonArray();
    for (int i = 0; i < statements.size(); i++) {
      try {
        BsonDocument result = runStatement(context, command, namespace, statements.get(i), retryable, i);
        n += result.getInt32("n").getValue();
        modified += result.getInt32("nModified").getValue();
        if (result.containsKey("upserted")) {
          upserted.add(new BsonDocument("index", new BsonInt32(i)).append("_id", result.get("upserted")));
        }
      } catch (MongoError e) {
        errors.add(i, e);
        if (ordered) {
          break;
        }
      }
    }
    DurableAck.await(context, command);
    BsonDocument reply = new BsonDocument("n", new BsonInt32((int) n));
    if (!upserted.isEmpty()) {
      reply.append("upserted", upserted);
    }
    return errors.appendTo(reply.append("nModified", new BsonInt32((int) modified)));
  }

  private static BsonDocument runStatement(CommandContext context, BsonDocument command, Namespace namespace,
      BsonValue statement, RetryableWrite retryable, int index) {
    if (!statement.isDocument()) {
      throw CommandArguments.typeMismatch("update.updates." + index, "object", statement);
    }
    Statement parsed = Statement.parse(statement.asDocument(), EnginePipelineContext.of(context, command),
        CommandArguments.bool(command, "bypassDocumentValidation", false));
    return retryable.run(index, () -> retryable.write(index,
        unit -> parsed.execute(unit, namespace)));
  }

  /** One parsed update statement. */
  private record Statement(BsonDocument filter, Matcher matcher, Update update, boolean upsert, boolean multi,
      boolean bypassValidation, BsonValue hint) {
    private static final Set<String> FIELDS = Set.of("q", "u", "upsert", "multi", "arrayFilters", "hint",
        "collation", "c", "upsertSupplied");

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
      return new Statement(filter, Collation.of(statement).matcher(filter, context.variables()), update,
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
