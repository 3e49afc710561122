package io.tributary.engine.command.crud;

import io.tributary.engine.plan.QueryRequest;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The query an aggregation pipeline makes of its collection: a leading {@code $match} is the filter (the planner
 * may answer it with an index; the stage still runs on what the index yields) and a {@code $sort} right after it
 * guides the choice of index; {@code hint} is the aggregate's. Stateless.
 */
final class PipelineSource {
  private PipelineSource() {}

  static QueryRequest request(List<BsonDocument> stages, BsonValue hint) {
    int next = 0;
    BsonDocument filter = new BsonDocument();
    if (!stages.isEmpty() && stages.get(0).isDocument("$match")) {
      filter = stages.get(0).getDocument("$match");
      next = 1;
    }
    BsonDocument sort = stages.size() > next && stages.get(next).isDocument("$sort")
        ? stages.get(next).getDocument("$sort") : null;
    return new QueryRequest(filter, sort, hint);
  }

  /** The stages after a leading {@code $match}. */
  static List<BsonDocument> afterMatch(List<BsonDocument> stages) {
    return !stages.isEmpty() && stages.get(0).isDocument("$match") ? stages.subList(1, stages.size()) : stages;
  }
}
