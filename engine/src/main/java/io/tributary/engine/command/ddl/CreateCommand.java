package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.Transactions;
import io.tributary.engine.error.ErrorCode;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code create}: a collection (options such as {@code validator}, {@code changeStreamPreAndPostImages} are stored
 * and reported by {@code listCollections}; {@code capped}, {@code size}, {@code max} as {@link CappedOptions}
 * checks and normalizes them) or a view
 * ({@code viewOn}, {@code pipeline}). Creating an existing namespace with identical options succeeds (mongod
 * 7.0, SERVER-60064); with other options it fails with {@code NamespaceExists}. In a transaction the collection is
 * created by the transaction's commit.
 */
public final class CreateCommand implements SyncCommand {
  /** Fields of the command that are not collection options. */
  private static final Set<String> NOT_OPTIONS = Set.of("create", "$db", "lsid", "txnNumber", "$clusterTime",
      "$readPreference", "readConcern", "writeConcern", "comment", "maxTimeMS", "apiVersion", "apiStrict",
      "apiDeprecationErrors", "autocommit", "startTransaction", "$client", "idIndex");

  @Override
  public String name() {
    return "create";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonDocument given = new BsonDocument();
    command.forEach((field, value) -> {
      if (!NOT_OPTIONS.contains(field)) {
        given.append(field, value);
      }
    });
    BsonDocument options = CappedOptions.normalize(given);
    defaultCollation(options);
    if (options.containsKey("pipeline") && !options.containsKey("viewOn")) {
      throw ErrorCode.BAD_VALUE.error("'pipeline' requires 'viewOn' to also be specified");
    }
    if (options.containsKey("viewOn") && !options.isString("viewOn")) {
      throw ErrorCode.TYPE_MISMATCH.error("'viewOn' option must be a string");
    }
    Transactions.write(context, command, unit -> {
      Optional<CollectionMetadata> existing = unit.collection(namespace);
      if (existing.isEmpty()) {
        ViewCollations.check(namespace, options, unit::collection);
        return unit.createCollection(namespace, options);
      }
      if (!existing.get().options().equals(options)) {
        throw ErrorCode.NAMESPACE_EXISTS.error("Collection " + namespace + " already exists.");
      }
      return existing.get();
    });
    return new BsonDocument();
  }

  /**
   * A {@code collation} option becomes the full specification mongod stores and lists (the collection's, its
   * {@code _id} index's and its operations' default); the simple collation is no option at all.
   */
  private static void defaultCollation(BsonDocument options) {
    BsonValue given = options.get("collation");
    if (given == null) {
      return;
    }
    Collation collation = Collation.parse(given, "create.collation");
    if (collation.isSimple()) {
      options.remove("collation");
    } else {
      options.put("collation", collation.spec());
    }
  }
}
