package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
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
import org.bson.BsonValue;

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

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    BsonArray statements = command.getArray("deletes", null);
    if (statements == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("BSON field 'delete.deletes' is missing but a required field");
    }
    // mongod parses the whole command first: a malformed statement fails the command, not one statement
    statements.stream().filter(BsonValue::isDocument)
        .forEach(s -> CommandArguments.requireKnownFields(s.asDocument(), "delete.deletes", FIELDS));
    boolean ordered = CommandArguments.bool(command, "ordered", true);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    WriteErrors errors = new WriteErrors();
    int n = 0;
    for (int i = 0; i < statements.size(); i++) {
      try {
        n += runStatement(context, command, namespace, statements.get(i), retryable, i).getInt32("n").getValue();
      } catch (MongoError e) {
        errors.add(i, e);
        if (ordered) {
          break;
        }
      }
    }
    DurableAck.await(context, command);
    return errors.appendTo(new BsonDocument("n", new BsonInt32(n)));
  }

  private static BsonDocument runStatement(CommandContext context, BsonDocument command, Namespace namespace,
      BsonValue statement, RetryableWrite retryable, int index) {
    if (!statement.isDocument()) {
      throw CommandArguments.typeMismatch("delete.deletes." + index, "object", statement);
    }
    BsonDocument filter = CommandArguments.document(statement.asDocument(), "q", new BsonDocument());
    Matcher matcher = Collation.of(statement.asDocument())
        .matcher(filter, EnginePipelineContext.of(context, command).variables());
    long limit = CommandArguments.longValue(statement.asDocument(), "limit", 0);
    if (limit != 0 && limit != 1) {
      throw ErrorCode.FAILED_TO_PARSE.error("The limit field in delete objects must be 0 or 1. Got " + limit);
    }
    return retryable.run(index, () -> retryable.write(index,
        unit -> new BsonDocument("n", new BsonInt32(delete(unit, namespace,
            new QueryRequest(filter, null, statement.asDocument().get("hint")), matcher, limit == 1)))));
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
