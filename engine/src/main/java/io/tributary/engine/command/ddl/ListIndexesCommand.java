package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.QueryCursors;
import io.tributary.engine.command.crud.ViewDefinition;
import io.tributary.engine.error.ErrorCode;
import java.util.List;
import org.bson.BsonDocument;

/**
 * {@code listIndexes}: the specifications of a collection's indexes, {@code _id} first, as a cursor on the
 * collection's namespace. A missing collection is {@code NamespaceNotFound}.
 */
public final class ListIndexesCommand implements SyncCommand {
  @Override
  public String name() {
    return "listIndexes";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    CollectionMetadata collection = context.engine().catalog().lookup(namespace).orElseThrow(() ->
        ErrorCode.NAMESPACE_NOT_FOUND.error("ns does not exist: " + namespace));
    if (collection.isView()) {
      throw ViewDefinition.notACollection(namespace);
    }
    List<BsonDocument> specs = collection.indexes().stream().map(IndexDescriptor::spec).toList();
    BsonDocument cursor = CommandArguments.document(command, "cursor", new BsonDocument());
    return QueryCursors.open(context, namespace, specs.iterator(), () -> { },
        QueryCursors.batchSize(cursor, "batchSize"), false, false);
  }
}
