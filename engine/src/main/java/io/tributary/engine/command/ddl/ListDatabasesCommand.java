package io.tributary.engine.command.ddl;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.KeyLayout;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.KeySpace;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * {@code listDatabases} (on {@code admin}): {@code {databases: [{name, sizeOnDisk, empty}], totalSize,
 * totalSizeMb}}; with {@code nameOnly} just the names. Sizes are the storage engine's approximate sizes of the
 * databases' documents and index entries.
 */
public final class ListDatabasesCommand implements SyncCommand {
  @Override
  public String name() {
    return "listDatabases";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    boolean nameOnly = CommandArguments.bool(command, "nameOnly", false);
    Matcher filter = Matcher.compile(CommandArguments.document(command, "filter", new BsonDocument()));
    BsonArray databases = new BsonArray();
    long total = 0;
    for (String db : context.engine().catalog().databases()) {
      long size = size(context.engine(), db);
      BsonDocument entry = new BsonDocument("name", new BsonString(db));
      if (!nameOnly) {
        entry.append("sizeOnDisk", new BsonInt64(size)).append("empty", BsonBoolean.valueOf(size == 0));
      }
      if (filter.matches(entry)) {
        databases.add(entry);
        total += size;
      }
    }
    BsonDocument reply = new BsonDocument("databases", databases);
    if (!nameOnly) {
      reply.append("totalSize", new BsonInt64(total)).append("totalSizeMb", new BsonInt64(total >> 20));
    }
    return reply;
  }

  private static long size(Engine engine, String db) {
    long size = 0;
    for (CollectionMetadata collection : engine.catalog().collections(db)) {
      byte[] prefix = KeyLayout.longKey(collection.id());
      size += engine.storage().approximateSize(KeySpace.DOCUMENTS, prefix, KeyLayout.prefixEnd(prefix));
      for (var index : collection.indexes()) {
        byte[] indexPrefix = KeyLayout.longKey(index.id());
        size += engine.storage().approximateSize(KeySpace.INDEXES, indexPrefix, KeyLayout.prefixEnd(indexPrefix));
      }
    }
    return size;
  }
}
