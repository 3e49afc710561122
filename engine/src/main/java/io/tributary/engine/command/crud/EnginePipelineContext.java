package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.storage.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * The {@link PipelineContext} of one aggregate command: {@code $$NOW} fixed when the command starts, collection
 * reads (for {@code $lookup}, {@code $unionWith}) from their own snapshot. Immutable and thread-safe.
 */
public final class EnginePipelineContext implements PipelineContext {
  private final Engine engine;
  private final String database;
  private final BsonDateTime now;
  private final BsonTimestamp clusterTime;
  private final BsonDocument let;

  public EnginePipelineContext(Engine engine, String database) {
    this(engine, database, null);
  }

  /** A context whose {@code let} variables are the command's {@code let} option (null for none). */
  public EnginePipelineContext(Engine engine, String database, BsonDocument let) {
    this.engine = engine;
    this.database = database;
    this.now = new BsonDateTime(engine.clock().millis());
    this.clusterTime = engine.clusterClock().now();
    this.let = let == null ? new BsonDocument() : let;
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
        cursor.forEachRemaining(stored -> documents.add(stored.document()));
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
}
