package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.MatchResult;
import io.tributary.engine.query.Projection;
import io.tributary.engine.update.Update;
import io.tributary.engine.update.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code findAndModify}: updates, replaces or removes the first document matching {@code query} in
 * {@code sort} order, in one atomic unit, and returns it ({@code new: true}: after the update) projected by
 * {@code fields}: {@code {lastErrorObject: {n, updatedExisting, [upserted]}, value}}. Retryable (statement 0).
 */
public final class FindAndModifyCommand implements SyncCommand {
  @Override
  public String name() {
    return "findAndModify";
  }

  @Override
  public List<String> aliases() {
    return List.of("findandmodify");
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  /** One document by {@code _id}, on the in-memory engine: see {@link QuickWrites}. */
  @Override
  public boolean isQuick(Engine engine, String database, BsonDocument command) {
    return !engine.storage().isDurable() && QuickWrites.isById(command, "query");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    Collation collation = CommandCollation.of(context.engine(), namespace, command);
    Request request = Request.parse(command, EnginePipelineContext.of(context, command, collation), collation);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    return DurableAck.acknowledged(context, command, () -> retryable.run(0, () -> retryable.write(0,
        unit -> request.execute(unit, namespace))));
  }

  /** The parsed command. */
  private record Request(BsonDocument query, Matcher matcher, SortOrder sort, Update update, boolean remove, boolean returnNew,
      boolean upsert, Projection fields, boolean bypassValidation, BsonValue hint) {

    static Request parse(BsonDocument command, EnginePipelineContext context, Collation collation) {
      boolean remove = CommandArguments.bool(command, "remove", false);
      BsonValue update = command.get("update");
      boolean returnNew = CommandArguments.bool(command, "new", false);
      boolean upsert = CommandArguments.bool(command, "upsert", false);
      if (remove == (update != null)) {
        throw ErrorCode.FAILED_TO_PARSE.error(remove
            ? "Cannot specify both an update and remove=true"
            : "Either an update or remove=true must be specified");
      }
      if (remove && (returnNew || upsert)) {
        throw ErrorCode.FAILED_TO_PARSE.error(returnNew
            ? "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document"
            : "Cannot specify both upsert=true and remove=true ");
      }
      BsonDocument sort = CommandArguments.document(command, "sort");
      BsonDocument fields = CommandArguments.document(command, "fields");
      BsonDocument query = CommandArguments.document(command, "query", new BsonDocument());
      return new Request(query, Matcher.compile(query, context.variables()),
          sort == null || sort.isEmpty() ? null : SortOrder.parse(sort, collation),
          update == null ? null : Update.parse(update, command.getArray("arrayFilters", null), context),
          remove, returnNew, upsert, fields == null || fields.isEmpty() ? null : Projection.parse(fields),
          CommandArguments.bool(command, "bypassDocumentValidation", false), command.get("hint"));
    }

    BsonDocument execute(WriteUnit unit, Namespace namespace) {
      Optional<CollectionMetadata> collection = unit.writableCollection(namespace);
      Optional<MatchedDocument> target = collection.flatMap(c -> first(unit, c));
      if (target.isEmpty()) {
        if (!upsert) {
          return reply(lastError(0, remove ? null : false), null);
        }
        BsonDocument inserted = DocumentUpdates.upsert(unit, namespace, query, update, bypassValidation);
        return reply(lastError(1, false).append("upserted", inserted.get("_id")),
            returnNew ? project(inserted, MatchResult.MATCH) : null);
      }
      MatchedDocument matched = target.get();
      if (remove) {
        unit.delete(collection.get(), matched.stored());
        return reply(lastError(1, null), project(matched.document(), matched.match()));
      }
      UpdateResult result = DocumentUpdates.apply(unit, collection.get(), matched, update, bypassValidation);
      BsonDocument value = returnNew ? result.document() : matched.document();
      return reply(lastError(1, true), project(value, matched.match()));
    }

    private Optional<MatchedDocument> first(WriteUnit unit, CollectionMetadata collection) {
      try (Stream<MatchedDocument> all = CollectionQuery.query(unit.view(), collection,
          new QueryRequest(query, null, hint), matcher).documents()) {
        if (sort == null) {
          return all.findFirst();
        }
        List<MatchedDocument> matched = all.collect(Collectors.toList());
        return matched.stream().min((a, b) -> sort.compare(a.document(), b.document()));
      }
    }

    private BsonDocument project(BsonDocument document, MatchResult match) {
      return fields == null ? document : fields.apply(document, match);
    }

    private static BsonDocument lastError(int n, Boolean updatedExisting) {
      BsonDocument lastError = new BsonDocument("n", new BsonInt32(n));
      if (updatedExisting != null) {
        lastError.append("updatedExisting", BsonBoolean.valueOf(updatedExisting));
      }
      return lastError;
    }

    private static BsonDocument reply(BsonDocument lastError, BsonDocument value) {
      return new BsonDocument("lastErrorObject", lastError)
          .append("value", value == null ? BsonNull.VALUE : value);
    }
  }
}
