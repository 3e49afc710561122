package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.QueryCursors;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.query.Matcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.UuidRepresentation;

/**
 * {@code listCollections}: one document per collection or view of the database, {@code {name, type, options,
 * info: {readOnly, [uuid]}, [idIndex]}} ({@code nameOnly}: {@code {name, type}}), filtered by {@code filter},
 * as a cursor on {@code db.$cmd.listCollections}; {@code local} also lists the read-only {@code oplog.rs}.
 */
public final class ListCollectionsCommand implements SyncCommand {
  @Override
  public String name() {
    return "listCollections";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    String db = context.database();
    Namespace.validateDatabaseName(db);
    boolean nameOnly = CommandArguments.bool(command, "nameOnly", false);
    Matcher filter = Matcher.compile(CommandArguments.document(command, "filter", new BsonDocument()));
    Stream<BsonDocument> oplog = db.equals(OplogCollection.NAMESPACE.db())
        ? Stream.of(OplogCollection.listCollectionsEntry(context.engine().oplogRetention().maxBytes(), nameOnly))
        : Stream.empty();
    List<BsonDocument> entries = Stream.concat(oplog, context.engine().catalog().collections(db).stream()
        .map(collection -> describe(collection, nameOnly)))
        .filter(filter::matches)
        .collect(Collectors.toList());
    BsonDocument cursor = CommandArguments.document(command, "cursor", new BsonDocument());
    return QueryCursors.open(context, Namespace.of(db, "$cmd.listCollections"), entries.iterator(), () -> { },
        QueryCursors.batchSize(cursor, "batchSize"), false, false);
  }

  static BsonDocument describe(CollectionMetadata collection, boolean nameOnly) {
    boolean view = collection.isView();
    BsonDocument entry = new BsonDocument("name", new BsonString(collection.namespace().collection()))
        .append("type", new BsonString(view ? "view" : "collection"));
    if (nameOnly) {
      return entry;
    }
    entry.append("options", collection.options());
    BsonDocument info = new BsonDocument("readOnly", BsonBoolean.valueOf(view));
    if (!view) {
      info.append("uuid", new BsonBinary(collection.uuid(), UuidRepresentation.STANDARD));
      entry.append("info", info).append("idIndex", collection.idIndex().spec());
    } else {
      entry.append("info", info);
    }
    return entry;
  }
}
