package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * {@code insert}: stores {@code documents} one commit each (like mongod), creating the collection implicitly.
 * Ordered inserts stop at the first error, unordered ones continue; errors are reported in {@code writeErrors}
 * and the reply's {@code n} counts the documents inserted. Retryable: see {@link RetryableWrite}.
 */
public final class InsertCommand implements SyncCommand {
  @Override
  public String name() {
    return "insert";
  }

  /**
   * See {@link QuickWrites#bounded}; the dispatcher still runs it on a worker when the write permit is taken. Not
   * into a capped collection: one insert may delete any number of old documents there.
   */
  @Override
  public boolean isQuick(Engine engine, String database, BsonDocument command) {
    return QuickWrites.bounded(engine, command.get("documents")) && command.isString(name())
        && !engine.catalog().lookup(Namespace.of(database, command.getString(name()).getValue()))
            .map(CollectionMetadata::isCapped).orElse(false);
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.writeTarget(context, command);
    BsonArray documents = CommandArguments.requiredArray(command, "insert.documents");
    boolean ordered = CommandArguments.bool(command, "ordered", true);
    boolean bypass = CommandArguments.bool(command, "bypassDocumentValidation", false);
    RetryableWrite retryable = RetryableWrite.of(context, command);
    WriteStatements.Outcome outcome = DurableAck.acknowledged(context, command,
        () -> WriteStatements.run(documents, "insert.documents", ordered,
            (document, i) -> insertOne(namespace, document, bypass, retryable, i)));
    return outcome.errors().appendTo(new BsonDocument("n", new BsonInt32(outcome.sum("n"))));
  }

  private static BsonDocument insertOne(Namespace namespace, BsonDocument document, boolean bypassValidation,
      RetryableWrite retryable, int index) {
    return retryable.run(index, () -> {
      BsonDocument prepared = NewDocuments.prepare(document);
      retryable.write(index,
          unit -> {
            CollectionMetadata collection = unit.collectionForWrite(namespace);
            DocumentValidator.check(collection, prepared, null, bypassValidation);
            unit.insert(collection, prepared);
            return null;
          });
      return new BsonDocument("n", new BsonInt32(1));
    });
  }
}
