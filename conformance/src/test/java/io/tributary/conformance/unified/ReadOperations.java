package io.tributary.conformance.unified;

import static io.tributary.conformance.unified.WriteOperations.ifPresent;

import com.mongodb.client.AggregateIterable;
import com.mongodb.client.ClientSession;
import com.mongodb.client.DistinctIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.EstimatedDocumentCountOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * The CRUD read operations of collection and database entities: find, findOne, aggregate, count,
 * distinct and createFindCursor. Results are fully iterated unless the operation creates a cursor
 * entity. Stateless.
 */
// spec: unified-test-format.md#find, #collection_aggregate, #collection_createFindCursor
final class ReadOperations {

  private ReadOperations() {}

  static void register(OperationRegistry registry) {
    registry.add("find", CollectionEntity.class, (c, a, x) -> iterate(find(c, a)));
    registry.add("findOne", CollectionEntity.class, (c, a, x) -> find(c, a).first());
    registry.add("createFindCursor", CollectionEntity.class, (c, a, x) -> new FindCursorEntity(find(c, a).cursor()));
    registry.add("aggregate", CollectionEntity.class, (c, a, x) -> {
      ClientSession session = a.session();
      List<BsonDocument> pipeline = a.documents("pipeline");
      return aggregate(session == null ? c.collection().aggregate(pipeline)
          : c.collection().aggregate(session, pipeline), pipeline, a);
    });
    registry.add("aggregate", DatabaseEntity.class, (d, a, x) -> {
      ClientSession session = a.session();
      List<BsonDocument> pipeline = a.documents("pipeline");
      return aggregate(session == null ? d.database().aggregate(pipeline, BsonDocument.class)
          : d.database().aggregate(session, pipeline, BsonDocument.class), pipeline, a);
    });
    registry.add("countDocuments", CollectionEntity.class, ReadOperations::countDocuments);
    registry.add("estimatedDocumentCount", CollectionEntity.class, ReadOperations::estimatedDocumentCount);
    registry.add("distinct", CollectionEntity.class, ReadOperations::distinct);
  }

  private static FindIterable<BsonDocument> find(CollectionEntity target, Arguments args) {
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    MongoCollection<BsonDocument> collection = target.collection();
    FindIterable<BsonDocument> find = session == null ? collection.find(filter) : collection.find(session, filter);
    ifPresent(args, "sort", v -> find.sort(v.asDocument()));
    ifPresent(args, "projection", v -> find.projection(v.asDocument()));
    ifPresent(args, "skip", v -> find.skip(v.asNumber().intValue()));
    ifPresent(args, "limit", v -> find.limit(v.asNumber().intValue()));
    ifPresent(args, "batchSize", v -> find.batchSize(v.asNumber().intValue()));
    ifPresent(args, "collation", v -> find.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "comment", find::comment);
    ifPresent(args, "let", v -> find.let(v.asDocument()));
    ifPresent(args, "allowDiskUse", v -> find.allowDiskUse(v.asBoolean().getValue()));
    ifPresent(args, "hint", v -> WriteOperations.hint(v, find::hint, find::hintString));
    ifPresent(args, "max", v -> find.max(v.asDocument()));
    ifPresent(args, "min", v -> find.min(v.asDocument()));
    ifPresent(args, "maxTimeMS", v -> find.maxTime(v.asNumber().longValue(), TimeUnit.MILLISECONDS));
    ifPresent(args, "returnKey", v -> find.returnKey(v.asBoolean().getValue()));
    ifPresent(args, "showRecordId", v -> find.showRecordId(v.asBoolean().getValue()));
    ifPresent(args, "noCursorTimeout", v -> find.noCursorTimeout(v.asBoolean().getValue()));
    return find;
  }

  /**
   * Runs an aggregate. A pipeline ending in {@code $out} or {@code $merge} is run with {@code
   * toCollection()}, because iterating it would make the Java driver query the output collection.
   */
  private static Object aggregate(AggregateIterable<BsonDocument> aggregate, List<BsonDocument> pipeline,
      Arguments args) {
    ifPresent(args, "allowDiskUse", v -> aggregate.allowDiskUse(v.asBoolean().getValue()));
    ifPresent(args, "batchSize", v -> aggregate.batchSize(v.asNumber().intValue()));
    ifPresent(args, "bypassDocumentValidation", v -> aggregate.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "collation", v -> aggregate.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "comment", aggregate::comment);
    ifPresent(args, "let", v -> aggregate.let(v.asDocument()));
    ifPresent(args, "hint", v -> WriteOperations.hint(v, aggregate::hint, aggregate::hintString));
    ifPresent(args, "maxTimeMS", v -> aggregate.maxTime(v.asNumber().longValue(), TimeUnit.MILLISECONDS));
    String lastStage = pipeline.isEmpty() ? "" : pipeline.get(pipeline.size() - 1).getFirstKey();
    if (lastStage.equals("$out") || lastStage.equals("$merge")) {
      aggregate.toCollection();
      return null;
    }
    return iterate(aggregate);
  }

  private static Object countDocuments(CollectionEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    CountOptions options = new CountOptions();
    ifPresent(args, "skip", v -> options.skip(v.asNumber().intValue()));
    ifPresent(args, "limit", v -> options.limit(v.asNumber().intValue()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "comment", options::comment);
    ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
    ifPresent(args, "maxTimeMS", v -> options.maxTime(v.asNumber().longValue(), TimeUnit.MILLISECONDS));
    MongoCollection<BsonDocument> collection = target.collection();
    return new BsonInt64(session == null ? collection.countDocuments(filter, options)
        : collection.countDocuments(session, filter, options));
  }

  private static Object estimatedDocumentCount(CollectionEntity target, Arguments args, TestContext context) {
    EstimatedDocumentCountOptions options = new EstimatedDocumentCountOptions();
    ifPresent(args, "comment", options::comment);
    ifPresent(args, "maxTimeMS", v -> options.maxTime(v.asNumber().longValue(), TimeUnit.MILLISECONDS));
    return new BsonInt64(target.collection().estimatedDocumentCount(options));
  }

  private static Object distinct(CollectionEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    String field = args.string("fieldName");
    BsonDocument filter = args.document("filter");
    MongoCollection<BsonDocument> collection = target.collection();
    DistinctIterable<BsonValue> distinct = session == null ? collection.distinct(field, filter, BsonValue.class)
        : collection.distinct(session, field, filter, BsonValue.class);
    ifPresent(args, "collation", v -> distinct.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "comment", distinct::comment);
    ifPresent(args, "hint", v -> WriteOperations.hint(v, distinct::hint, distinct::hintString));
    return new BsonArray(distinct.into(new ArrayList<>()));
  }

  static IteratedDocuments iterate(MongoIterable<BsonDocument> iterable) {
    return new IteratedDocuments(new BsonArray(iterable.into(new ArrayList<>())));
  }
}
