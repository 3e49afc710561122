package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.operation.OperationDeadline;
import io.tributary.engine.storage.Snapshot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The {@link PipelineContext} of one aggregate command: {@code $$NOW} fixed when the command starts, its collation,
 * collection
 * reads (for {@code $lookup}, {@code $unionWith}) from their own snapshot. Immutable and thread-safe.
 */
public final class EnginePipelineContext implements PipelineContext {
  /** mongod's {@code uid} for sessions without an authenticated user: SHA-256 of the empty user name. */
  private static final BsonBinary ANONYMOUS_UID = new BsonBinary(sha256Empty());

  private final Engine engine;
  private final String database;
  private final BsonDateTime now;
  private final BsonTimestamp clusterTime;
  private final BsonDocument let;
  private final BsonDocument lsid;
  private final Collation collation;

  public EnginePipelineContext(Engine engine, String database) {
    this(engine, database, null, null);
  }

  /** As {@link #EnginePipelineContext(Engine, String, BsonDocument, BsonDocument, Collation)}, simple collation. */
  public EnginePipelineContext(Engine engine, String database, BsonDocument let, BsonDocument lsid) {
    this(engine, database, let, lsid, Collation.SIMPLE);
  }

  /**
   * A context whose {@code let} variables are the command's {@code let} option and whose session is the
   * command's {@code lsid} (either null for none), comparing strings under {@code collation}.
   */
  public EnginePipelineContext(Engine engine, String database, BsonDocument let, BsonDocument lsid,
      Collation collation) {
    this.engine = engine;
    this.collation = collation;
    this.database = database;
    this.now = new BsonDateTime(engine.clock().millis());
    this.clusterTime = engine.clusterClock().now();
    this.let = let == null ? new BsonDocument() : let;
    this.lsid = lsid;
  }

  /** The sessions the engine holds plus the command's own (which mongod's cache holds once it is used). */
  @Override
  public List<BsonDocument> localSessions() {
    Map<BsonValue, BsonDocument> sessions = new LinkedHashMap<>();
    engine.sessions().lsids().forEach(id -> sessions.put(id.get("id"), id));
    if (lsid != null) {
      sessions.putIfAbsent(lsid.get("id"), lsid);
    }
    List<BsonDocument> documents = new ArrayList<>();
    sessions.values().forEach(id -> documents.add(new BsonDocument("_id", new BsonDocument("id", id.get("id"))
        .append("uid", id.get("uid", ANONYMOUS_UID))).append("lastUse", now)));
    return documents;
  }

  /** The context of a command whose {@code let} option (if any) defines user variables. */
  public static EnginePipelineContext of(CommandContext context, BsonDocument command) {
    return of(context, command, Collation.SIMPLE);
  }

  /** As {@link #of(CommandContext, BsonDocument)}, comparing strings under {@code collation}. */
  public static EnginePipelineContext of(CommandContext context, BsonDocument command, Collation collation) {
    return new EnginePipelineContext(context.engine(), context.database(), CommandArguments.document(command, "let"),
        context.lsid(), collation);
  }

  /**
   * The command's variables for filters' {@code $expr}: {@code $$NOW}, {@code $$CLUSTER_TIME}, {@code let}; and
   * the collation of this context.
   */
  public SystemVariables variables() {
    SystemVariables variables = new SystemVariables(now, clusterTime, new BsonDocument(), collation);
    return let.isEmpty() ? variables : variables.withLet(let);
  }

  @Override
  public Collation collation() {
    return collation;
  }

  @Override
  public BsonDocument let() {
    return let;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public Iterable<BsonDocument> scan(Namespace namespace) {
    Optional<CollectionMetadata> collection = engine.catalog().lookup(namespace);
    List<BsonDocument> documents = new ArrayList<>();
    if (collection.isPresent()) {
      try (Snapshot snapshot = engine.storage().snapshot();
          DocumentCursor cursor = Documents.scan(snapshot, collection.get(), false)) {
        cursor.forEachRemaining(stored -> {
          documents.add(stored.document());
          if (documents.size() % OperationDeadline.CHECK_INTERVAL == 0) {
            OperationDeadline.checkForInterrupt();
          }
        });
      }
    }
    return documents;
  }

  @Override
  public BsonDateTime now() {
    return now;
  }

  @Override
  public BsonTimestamp clusterTime() {
    return clusterTime;
  }

  private static byte[] sha256Empty() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(new byte[0]);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
