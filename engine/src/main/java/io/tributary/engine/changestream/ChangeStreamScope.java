package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.Operation;
import java.util.Set;
import org.bson.BsonValue;

/**
 * What a change stream watches: one collection, one database, or the whole cluster. Decides which oplog entries
 * a stream sees and which of them end it. Immutable and thread-safe.
 *
 * <p>spec: reference §1.1 (scopes, namespace filters, reply ns) and §1.11 (invalidate by scope).
 */
public sealed interface ChangeStreamScope {
  Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

  /** The namespace reported as the cursor's {@code ns}. */
  Namespace cursorNamespace();

  /** Whether an event about {@code namespace} belongs to this stream. */
  boolean covers(Namespace namespace);

  /** Whether {@code operation}, already known to be covered, ends this stream with an {@code invalidate}. */
  boolean isInvalidatedBy(Operation operation);

  /**
   * Whether the operation concerns this stream: its namespace, for a rename its source or target, for a
   * transaction any of its operations.
   */
  default boolean sees(Operation operation) {
    if (operation instanceof Operation.ApplyOps applyOps) {
      return applyOps.operations().stream().anyMatch(this::sees);
    }
    if (operation instanceof Operation.DropDatabase drop) {
      return coversDatabase(drop.namespace().db());
    }
    return covers(operation.namespace())
        || operation instanceof Operation.Rename rename && covers(rename.target());
  }

  /** Whether a {@code dropDatabase} of {@code db} is reported to this stream. */
  boolean coversDatabase(String db);

  /**
   * The scope of {@code {aggregate: <target>}} on {@code database}. Fails with InvalidNamespace (73) for internal
   * databases and system collections and InvalidOptions (72) for a misplaced {@code allChangesForCluster}.
   */
  static ChangeStreamScope of(String database, BsonValue aggregateTarget, boolean allChangesForCluster) {
    boolean collectionless = !aggregateTarget.isString();
    if (allChangesForCluster) {
      if (!database.equals("admin") || !collectionless) {
        throw ErrorCode.INVALID_OPTIONS.error(
            "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with"
                + " no collection name");
      }
      return new Cluster();
    }
    if (INTERNAL_DATABASES.contains(database)) {
      throw ErrorCode.INVALID_NAMESPACE.error(
          "$changeStream may not be opened on the internal " + database + " database");
    }
    if (collectionless) {
      return new Database(database);
    }
    Namespace namespace = Namespace.of(database, aggregateTarget.asString().getValue());
    if (namespace.isSystem()) {
      throw ErrorCode.INVALID_NAMESPACE.error(
          "$changeStream may not be opened on the internal " + namespace + " collection");
    }
    return new Collection(namespace);
  }

  /** A stream on one collection: ended by its drop, by a rename from or onto it, and by its database's drop. */
  record Collection(Namespace namespace) implements ChangeStreamScope {
    @Override
    public Namespace cursorNamespace() {
      return namespace;
    }

    @Override
    public boolean covers(Namespace other) {
      return namespace.equals(other);
    }

    @Override
    public boolean coversDatabase(String db) {
      return namespace.db().equals(db);
    }

    @Override
    public boolean isInvalidatedBy(Operation operation) {
      return operation instanceof Operation.Drop || operation instanceof Operation.Rename
          || operation instanceof Operation.DropDatabase;
    }
  }

  /** A stream on every user collection of one database: ended only by the database's drop. */
  record Database(String db) implements ChangeStreamScope {
    @Override
    public Namespace cursorNamespace() {
      return new Namespace(db, "$cmd.aggregate");
    }

    @Override
    public boolean covers(Namespace other) {
      return other.db().equals(db) && !other.isSystem() && !other.collection().startsWith("$");
    }

    @Override
    public boolean coversDatabase(String other) {
      return db.equals(other);
    }

    @Override
    public boolean isInvalidatedBy(Operation operation) {
      return operation instanceof Operation.DropDatabase;
    }
  }

  /** A stream on every user database; never invalidated. */
  record Cluster() implements ChangeStreamScope {
    @Override
    public Namespace cursorNamespace() {
      return new Namespace("admin", "$cmd.aggregate");
    }

    @Override
    public boolean covers(Namespace other) {
      return coversDatabase(other.db()) && !other.isSystem() && !other.collection().startsWith("$");
    }

    @Override
    public boolean coversDatabase(String db) {
      return !INTERNAL_DATABASES.contains(db);
    }

    @Override
    public boolean isInvalidatedBy(Operation operation) {
      return false;
    }
  }
}
