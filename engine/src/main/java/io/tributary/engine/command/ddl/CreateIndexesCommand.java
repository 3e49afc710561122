package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.CommandCollation;
import io.tributary.engine.command.crud.Transactions;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code createIndexes}: builds the requested indexes over the existing documents in one unit (a unique index
 * over duplicate values fails with {@code DuplicateKey} and creates nothing), creating the collection
 * implicitly, and logs one createIndexes entry per new index. Reply: {@code numIndexesBefore},
 * {@code numIndexesAfter}, {@code createdCollectionAutomatically}, or a {@code note} when all indexes existed. In a
 * transaction the indexes (and the collection) are created by its commit, and new ones only on an empty collection
 * the transaction creates (OperationNotSupportedInTransaction otherwise, as mongod).
 */
public final class CreateIndexesCommand implements SyncCommand {
  @Override
  public String name() {
    return "createIndexes";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonValue indexes = command.get("indexes");
    if (indexes == null || !indexes.isArray() || indexes.asArray().isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("Must specify at least one index to create");
    }
    boolean inTransaction = command.containsKey("autocommit");
    return Transactions.write(context, command,
        unit -> create(unit, namespace, indexes.asArray(), inTransaction));
  }

  /**
   * mongod builds a new index in a transaction only on an empty collection the transaction created (building one on
   * an existing collection takes locks a transaction cannot hold).
   */
  private static void requireBuildableInTransaction(WriteUnit unit, CollectionMetadata collection) {
    if (!unit.creates(collection.namespace())) {
      throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Cannot create new indexes on existing collection "
          + collection.namespace() + " in a multi-document transaction.");
    }
    try (DocumentCursor documents = Documents.scan(unit.view(), collection, false)) {
      if (documents.hasNext()) {
        throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Cannot create new indexes on non-empty "
            + "collection " + collection.namespace() + " in a multi-document transaction.");
      }
    }
  }

  private static BsonDocument create(WriteUnit unit, Namespace namespace, BsonArray requested,
      boolean inTransaction) {
    boolean created = unit.collection(namespace).isEmpty();
    CollectionMetadata collection = unit.collectionForWrite(namespace);
    int before = collection.indexes().size();
    for (BsonValue index : requested) {
      BsonDocument spec = IndexSpecs.withCollation(IndexSpecs.normalize(index), CommandCollation.defaultOf(collection));
      if (IndexSpecs.existing(collection, spec).isEmpty()) {
        if (collection.isCapped() && spec.containsKey("expireAfterSeconds")) {
          // mongod 7.0.0 (TTL indexes on capped collections came with 7.1, SERVER-77586).
          throw ErrorCode.CANNOT_CREATE_INDEX.error("Cannot create TTL index on a capped collection");
        }
        if (inTransaction) {
          requireBuildableInTransaction(unit, collection);
        }
        collection = unit.createIndex(collection, spec);
      }
    }
    BsonDocument reply = new BsonDocument("numIndexesBefore", new BsonInt32(before))
        .append("numIndexesAfter", new BsonInt32(collection.indexes().size()));
    if (before == collection.indexes().size()) {
      return reply.append("note", new BsonString("all indexes already exist"));
    }
    return reply.append("createdCollectionAutomatically", BsonBoolean.valueOf(created));
  }
}
