package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;
import io.tributary.engine.collation.Collation;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/** The context of a {@code $merge} whenMatched pipeline: its caller's, with the merge's variables as {@code let}. */
record MergeContext(PipelineContext outer, BsonDocument variables) implements PipelineContext {
  @Override
  public String database() {
    return outer.database();
  }

  @Override
  public Iterable<BsonDocument> scan(Namespace namespace) {
    return outer.scan(namespace);
  }

  @Override
  public BsonDateTime now() {
    return outer.now();
  }

  @Override
  public BsonTimestamp clusterTime() {
    return outer.clusterTime();
  }

  @Override
  public Collation collation() {
    return outer.collation();
  }

  /** The variable values as constant {@code let} expressions. */
  @Override
  public BsonDocument let() {
    BsonDocument let = new BsonDocument();
    variables.forEach((name, value) -> let.append(name, new BsonDocument("$literal", value)));
    return let;
  }
}
