package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * {@code delete}: each statement {@code {q, limit: 0|1, hint, collation}} deletes the first matching document
 * ({@code limit: 1}) or all of them ({@code limit: 0}) in one atomic unit, logging one entry per document.
 * Reply: {@code n} and {@code writeErrors}. Retryable.
 */
public final class DeleteCommand implements SyncCommand {
  private static final Set<String> FIELDS = Set.of("q", "limit", "hint", "collation");

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  /** See {@link QuickWrites#byId}. */
  @Override
  public boolean isQuick(Engine engine, String database, BsonDocument command) {
    return QuickWrites.byId(engine, command.get("deletes"), "q");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    BsonArray statements = WriteStatements.parse(command, "delete.deletes", FIELDS);
    boolean ordered = CommandArguments.bool(command, "ordered", true);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    WriteStatements.Outcome outcome = DurableAck.acknowledged(context, command,
        () -> WriteStatements.run(statements, "delete.deletes", ordered,
            (statement, i) -> runStatement(context, command, namespace, statement, retryable, i)));
    return outcome.errors().appendTo(new BsonDocument("n", new BsonInt32(outcome.sum("n"))));
  }

  private static BsonDocument runStatement(CommandContext context, BsonDocument command, Namespace namespace,
      BsonDocument statement, RetryableWrite retryable, int index) {
    BsonDocument filter = CommandArguments.document(statement, "q", new BsonDocument());
    Matcher matcher = CommandCollation.matcher(context.engine(), namespace, statement, filter,
        EnginePipelineContext.of(context, command).variables());
    long limit = CommandArguments.longValue(statement, "limit", 0);
    if (limit != 0 && limit != 1) {
      throw ErrorCode.FAILED_TO_PARSE.error("The limit field in delete objects must be 0 or 1. Got " + limit);
    }
    return retryable.run(index, () -> retryable.write(index,
        unit -> new BsonDocument("n", new BsonInt32(delete(unit, namespace,
            new QueryRequest(filter, null, statement.get("hint")), matcher, limit == 1)))));
  }

  private static int delete(WriteUnit unit, Namespace namespace, QueryRequest request, Matcher matcher,
      boolean justOne) {
    Optional<CollectionMetadata> collection = unit.writableCollection(namespace);
    if (collection.isEmpty()) {
      return 0;
    }
    List<MatchedDocument> matched;
    try (Stream<MatchedDocument> all =
        CollectionQuery.query(unit.view(), collection.get(), request, matcher).documents()) {
      matched = (justOne ? all.limit(1) : all).collect(Collectors.toList());
    }
    matched.forEach(m -> unit.delete(collection.get(), m.stored()));
    return matched.size();
  }
}
