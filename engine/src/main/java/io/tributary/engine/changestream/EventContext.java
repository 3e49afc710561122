package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.PipelineContext;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * What the stages after {@code $changeStream} see while one event passes through them: {@code $$CLUSTER_TIME}
 * is the event's time. No stage allowed in a change stream reads other collections. Immutable.
 */
record EventContext(String database, BsonDateTime now, BsonTimestamp clusterTime) implements PipelineContext {
  @Override
  public Iterable<BsonDocument> scan(Namespace namespace) {
    return List.of();
  }
}
