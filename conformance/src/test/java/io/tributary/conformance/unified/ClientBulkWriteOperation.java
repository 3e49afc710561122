package io.tributary.conformance.unified;

import static io.tributary.conformance.unified.WriteOperations.ifPresent;

import com.mongodb.MongoNamespace;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCluster;
import com.mongodb.client.model.bulk.ClientBulkWriteOptions;
import com.mongodb.client.model.bulk.ClientBulkWriteResult;
import com.mongodb.client.model.bulk.ClientDeleteManyOptions;
import com.mongodb.client.model.bulk.ClientDeleteOneOptions;
import com.mongodb.client.model.bulk.ClientNamespacedWriteModel;
import com.mongodb.client.model.bulk.ClientReplaceOneOptions;
import com.mongodb.client.model.bulk.ClientUpdateManyOptions;
import com.mongodb.client.model.bulk.ClientUpdateOneOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * The client-level {@code clientBulkWrite} operation (MongoDB 8.0's {@code bulkWrite} command
 * through the driver's {@link MongoCluster#bulkWrite}): models by namespace, options, and the
 * result with its verbose per-model results. Stateless.
 */
// spec: unified-test-format.md#clientbulkwrite
final class ClientBulkWriteOperation {

  private ClientBulkWriteOperation() {}

  static void register(OperationRegistry registry) {
    registry.add("clientBulkWrite", ClientEntity.class, ClientBulkWriteOperation::execute);
  }

  private static Object execute(ClientEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    List<ClientNamespacedWriteModel> models = new ArrayList<>();
    for (BsonValue model : args.required("models").asArray()) {
      models.add(model(model.asDocument(), args.entities()));
    }
    ClientBulkWriteOptions options = ClientBulkWriteOptions.clientBulkWriteOptions();
    ifPresent(args, "ordered", v -> options.ordered(v.asBoolean().getValue()));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    ifPresent(args, "verboseResults", v -> options.verboseResults(v.asBoolean().getValue()));
    MongoCluster cluster = args.has("writeConcern")
        ? target.client().withWriteConcern(DriverOptions.writeConcern(args.document("writeConcern")))
        : target.client();
    return result(session == null ? cluster.bulkWrite(models, options) : cluster.bulkWrite(session, models, options));
  }

  private static ClientNamespacedWriteModel model(BsonDocument model, Entities entities) {
    String type = model.getFirstKey();
    Arguments args = new Arguments(model.getDocument(type), entities);
    MongoNamespace namespace = new MongoNamespace(args.string("namespace"));
    ClientNamespacedWriteModel result = switch (type) {
      case "insertOne" -> ClientNamespacedWriteModel.insertOne(namespace, args.document("document"));
      case "replaceOne" -> replaceOne(namespace, args);
      case "updateOne" -> updateOne(namespace, args);
      case "updateMany" -> updateMany(namespace, args);
      case "deleteOne" -> {
        ClientDeleteOneOptions options = ClientDeleteOneOptions.clientDeleteOneOptions();
        BsonDocument filter = args.document("filter");
        ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
        ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
        yield ClientNamespacedWriteModel.deleteOne(namespace, filter, options);
      }
      case "deleteMany" -> {
        ClientDeleteManyOptions options = ClientDeleteManyOptions.clientDeleteManyOptions();
        BsonDocument filter = args.document("filter");
        ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
        ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
        yield ClientNamespacedWriteModel.deleteMany(namespace, filter, options);
      }
      default -> throw new UnsupportedFeature("clientBulkWrite model " + type);
    };
    args.requireAllUsed("clientBulkWrite " + type);
    return result;
  }

  private static ClientNamespacedWriteModel replaceOne(MongoNamespace namespace, Arguments args) {
    BsonDocument filter = args.document("filter");
    BsonDocument replacement = args.document("replacement");
    ClientReplaceOneOptions options = ClientReplaceOneOptions.clientReplaceOneOptions();
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    return ClientNamespacedWriteModel.replaceOne(namespace, filter, replacement, options);
  }

  private static ClientNamespacedWriteModel updateOne(MongoNamespace namespace, Arguments args) {
    BsonDocument filter = args.document("filter");
    BsonValue update = args.required("update");
    ClientUpdateOneOptions options = ClientUpdateOneOptions.clientUpdateOneOptions();
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "arrayFilters", v -> options.arrayFilters(WriteOperations.documents(v)));
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    return update.isArray()
        ? ClientNamespacedWriteModel.updateOne(namespace, filter, WriteOperations.documents(update), options)
        : ClientNamespacedWriteModel.updateOne(namespace, filter, update.asDocument(), options);
  }

  private static ClientNamespacedWriteModel updateMany(MongoNamespace namespace, Arguments args) {
    BsonDocument filter = args.document("filter");
    BsonValue update = args.required("update");
    ClientUpdateManyOptions options = ClientUpdateManyOptions.clientUpdateManyOptions();
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> WriteOperations.hint(v, options::hint, options::hintString));
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "arrayFilters", v -> options.arrayFilters(WriteOperations.documents(v)));
    return update.isArray()
        ? ClientNamespacedWriteModel.updateMany(namespace, filter, WriteOperations.documents(update), options)
        : ClientNamespacedWriteModel.updateMany(namespace, filter, update.asDocument(), options);
  }

  /** The summary counts, and the per-model results keyed by model index when verbose. */
  static BsonDocument result(ClientBulkWriteResult result) {
    if (!result.isAcknowledged()) {
      return new BsonDocument("acknowledged", org.bson.BsonBoolean.FALSE);
    }
    BsonDocument document = new BsonDocument("insertedCount", new BsonInt64(result.getInsertedCount()))
        .append("upsertedCount", new BsonInt64(result.getUpsertedCount()))
        .append("matchedCount", new BsonInt64(result.getMatchedCount()))
        .append("modifiedCount", new BsonInt64(result.getModifiedCount()))
        .append("deletedCount", new BsonInt64(result.getDeletedCount()));
    result.getVerboseResults().ifPresent(verbose -> {
      BsonDocument inserts = new BsonDocument();
      verbose.getInsertResults().forEach((i, r) -> inserts.append(String.valueOf(i),
          new BsonDocument("insertedId", r.getInsertedId().orElse(org.bson.BsonNull.VALUE))));
      BsonDocument updates = new BsonDocument();
      verbose.getUpdateResults().forEach((i, r) -> {
        BsonDocument update = new BsonDocument("matchedCount", new BsonInt64(r.getMatchedCount()))
            .append("modifiedCount", new BsonInt64(r.getModifiedCount()));
        r.getUpsertedId().ifPresent(id -> update.append("upsertedId", id));
        updates.append(String.valueOf(i), update);
      });
      BsonDocument deletes = new BsonDocument();
      verbose.getDeleteResults().forEach((i, r) -> deletes.append(String.valueOf(i),
          new BsonDocument("deletedCount", new BsonInt64(r.getDeletedCount()))));
      document.append("insertResults", inserts).append("updateResults", updates).append("deleteResults", deletes);
    });
    return document;
  }
}
