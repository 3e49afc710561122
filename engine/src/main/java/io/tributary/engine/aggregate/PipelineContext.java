package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;
import io.tributary.engine.collation.Collation;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/** What pipeline stages and expressions need from the world around them. Implementations are thread-safe. */
public interface PipelineContext {
  /** The database the aggregate runs in (for {@code $lookup}'s {@code from}). */
  String database();

  /** All documents of a collection (for {@code $lookup}); empty when it does not exist. */
  Iterable<BsonDocument> scan(Namespace namespace);

  /** {@code $$NOW}: the same value for the whole command. */
  BsonDateTime now();

  /** {@code $$CLUSTER_TIME}; null when there is none. */
  BsonTimestamp clusterTime();

  /**
   * The command's {@code let} option: variable name to expression (constant expressions, evaluated once per
   * run). Empty by default.
   */
  default BsonDocument let() {
    return new BsonDocument();
  }

  /** The collation the pipeline compares strings by (the command's, or its collection's default). */
  default Collation collation() {
    return Collation.SIMPLE;
  }

  /**
   * The logical sessions this server holds, as {@code $listLocalSessions} reports them:
   * {@code {_id: {id, uid}, lastUse}}. None by default.
   */
  default List<BsonDocument> localSessions() {
    return List.of();
  }
}
