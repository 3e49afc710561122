package io.tributary.conformance.unified;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.DeleteOptions;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.InsertOneOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The CRUD write operations of collection entities: inserts, updates, replaces, deletes, the
 * findOneAnd* family and bulkWrite, with their results converted to documents. Stateless.
 */
// spec: crud.md (operation arguments), unified-test-format.md#bulkwrite
final class WriteOperations {

  private WriteOperations() {}

  static void register(OperationRegistry registry) {
    registry.add("insertOne", CollectionEntity.class, WriteOperations::insertOne);
    registry.add("insertMany", CollectionEntity.class, WriteOperations::insertMany);
    registry.add("updateOne", CollectionEntity.class, (c, a, x) -> update(c, a, true));
    registry.add("updateMany", CollectionEntity.class, (c, a, x) -> update(c, a, false));
    registry.add("replaceOne", CollectionEntity.class, WriteOperations::replaceOne);
    registry.add("deleteOne", CollectionEntity.class, (c, a, x) -> delete(c, a, true));
    registry.add("deleteMany", CollectionEntity.class, (c, a, x) -> delete(c, a, false));
    registry.add("findOneAndDelete", CollectionEntity.class, WriteOperations::findOneAndDelete);
    registry.add("findOneAndReplace", CollectionEntity.class, WriteOperations::findOneAndReplace);
    registry.add("findOneAndUpdate", CollectionEntity.class, WriteOperations::findOneAndUpdate);
    registry.add("bulkWrite", CollectionEntity.class, WriteOperations::bulkWrite);
  }

  private static Object insertOne(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument document = args.document("document");
    InsertOneOptions options = new InsertOneOptions();
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "comment", options::comment);
    return DriverResults.of(session == null ? collection.insertOne(document, options)
        : collection.insertOne(session, document, options));
  }

  private static Object insertMany(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    List<BsonDocument> documents = args.documents("documents");
    InsertManyOptions options = new InsertManyOptions();
    ifPresent(args, "ordered", v -> options.ordered(v.asBoolean().getValue()));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "comment", options::comment);
    return DriverResults.of(session == null ? collection.insertMany(documents, options)
        : collection.insertMany(session, documents, options));
  }

  private static Object update(CollectionEntity target, Arguments args, boolean one) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    BsonValue update = args.required("update");
    UpdateOptions options = updateOptions(args);
    if (update.isArray()) {
      List<BsonDocument> pipeline = args.documents("update");
      return DriverResults.of(one
          ? session == null ? collection.updateOne(filter, pipeline, options)
              : collection.updateOne(session, filter, pipeline, options)
          : session == null ? collection.updateMany(filter, pipeline, options)
              : collection.updateMany(session, filter, pipeline, options));
    }
    BsonDocument document = update.asDocument();
    return DriverResults.of(one
        ? session == null ? collection.updateOne(filter, document, options)
            : collection.updateOne(session, filter, document, options)
        : session == null ? collection.updateMany(filter, document, options)
            : collection.updateMany(session, filter, document, options));
  }

  private static Object replaceOne(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    BsonDocument replacement = args.document("replacement");
    ReplaceOptions options = replaceOptions(args);
    return DriverResults.of(session == null ? collection.replaceOne(filter, replacement, options)
        : collection.replaceOne(session, filter, replacement, options));
  }

  private static Object delete(CollectionEntity target, Arguments args, boolean one) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    DeleteOptions options = deleteOptions(args);
    return DriverResults.of(one
        ? session == null ? collection.deleteOne(filter, options) : collection.deleteOne(session, filter, options)
        : session == null ? collection.deleteMany(filter, options) : collection.deleteMany(session, filter, options));
  }

  private static Object findOneAndDelete(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    FindOneAndDeleteOptions options = new FindOneAndDeleteOptions();
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    ifPresent(args, "projection", v -> options.projection(v.asDocument()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    return session == null ? collection.findOneAndDelete(filter, options)
        : collection.findOneAndDelete(session, filter, options);
  }

  private static Object findOneAndReplace(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    BsonDocument replacement = args.document("replacement");
    FindOneAndReplaceOptions options = new FindOneAndReplaceOptions();
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    ifPresent(args, "projection", v -> options.projection(v.asDocument()));
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "returnDocument", v -> options.returnDocument(
        DriverOptions.returnDocument(v.asString().getValue())));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    return session == null ? collection.findOneAndReplace(filter, replacement, options)
        : collection.findOneAndReplace(session, filter, replacement, options);
  }

  private static Object findOneAndUpdate(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    BsonDocument filter = args.document("filter");
    BsonValue update = args.required("update");
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions();
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    ifPresent(args, "projection", v -> options.projection(v.asDocument()));
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "returnDocument", v -> options.returnDocument(
        DriverOptions.returnDocument(v.asString().getValue())));
    ifPresent(args, "arrayFilters", v -> options.arrayFilters(documents(v)));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    if (update.isArray()) {
      List<BsonDocument> pipeline = documents(update);
      return session == null ? collection.findOneAndUpdate(filter, pipeline, options)
          : collection.findOneAndUpdate(session, filter, pipeline, options);
    }
    return session == null ? collection.findOneAndUpdate(filter, update.asDocument(), options)
        : collection.findOneAndUpdate(session, filter, update.asDocument(), options);
  }

  private static Object bulkWrite(CollectionEntity target, Arguments args, TestContext context) {
    MongoCollection<BsonDocument> collection = target.collection();
    ClientSession session = args.session();
    List<WriteModel<BsonDocument>> requests = new ArrayList<>();
    for (BsonValue request : args.required("requests").asArray()) {
      requests.add(writeModel(request.asDocument(), args.entities()));
    }
    BulkWriteOptions options = new BulkWriteOptions();
    ifPresent(args, "ordered", v -> options.ordered(v.asBoolean().getValue()));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    return DriverResults.of(session == null ? collection.bulkWrite(requests, options)
        : collection.bulkWrite(session, requests, options));
  }

  private static WriteModel<BsonDocument> writeModel(BsonDocument request, Entities entities) {
    String type = request.getFirstKey();
    Arguments args = new Arguments(request.getDocument(type), entities);
    WriteModel<BsonDocument> model = switch (type) {
      case "insertOne" -> new InsertOneModel<>(args.document("document"));
      case "deleteOne" -> new DeleteOneModel<>(args.document("filter"), deleteOptions(args));
      case "deleteMany" -> new DeleteManyModel<>(args.document("filter"), deleteOptions(args));
      case "replaceOne" -> new ReplaceOneModel<>(args.document("filter"), args.document("replacement"),
          replaceOptions(args));
      case "updateOne", "updateMany" -> updateModel(type, args);
      default -> throw new UnsupportedFeature("bulkWrite request " + type);
    };
    args.requireAllUsed("bulkWrite " + type);
    return model;
  }

  private static WriteModel<BsonDocument> updateModel(String type, Arguments args) {
    BsonDocument filter = args.document("filter");
    BsonValue update = args.required("update");
    UpdateOptions options = updateOptions(args);
    boolean one = type.equals("updateOne");
    if (update.isArray()) {
      return one ? new UpdateOneModel<>(filter, documents(update), options)
          : new UpdateManyModel<>(filter, documents(update), options);
    }
    return one ? new UpdateOneModel<>(filter, update.asDocument(), options)
        : new UpdateManyModel<>(filter, update.asDocument(), options);
  }

  private static UpdateOptions updateOptions(Arguments args) {
    UpdateOptions options = new UpdateOptions();
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "arrayFilters", v -> options.arrayFilters(documents(v)));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    return options;
  }

  private static ReplaceOptions replaceOptions(Arguments args) {
    ReplaceOptions options = new ReplaceOptions();
    ifPresent(args, "upsert", v -> options.upsert(v.asBoolean().getValue()));
    ifPresent(args, "bypassDocumentValidation", v -> options.bypassDocumentValidation(v.asBoolean().getValue()));
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    ifPresent(args, "sort", v -> options.sort(v.asDocument()));
    return options;
  }

  private static DeleteOptions deleteOptions(Arguments args) {
    DeleteOptions options = new DeleteOptions();
    ifPresent(args, "collation", v -> options.collation(DriverOptions.collation(v.asDocument())));
    ifPresent(args, "hint", v -> hint(v, options::hint, options::hintString));
    ifPresent(args, "let", v -> options.let(v.asDocument()));
    ifPresent(args, "comment", options::comment);
    return options;
  }

  /** Applies a hint given either as an index name or as a key pattern. */
  static void hint(BsonValue hint, java.util.function.Consumer<BsonDocument> byKeys,
      java.util.function.Consumer<String> byName) {
    if (hint.isString()) {
      byName.accept(hint.asString().getValue());
    } else {
      byKeys.accept(hint.asDocument());
    }
  }

  static List<BsonDocument> documents(BsonValue array) {
    return array.asArray().getValues().stream().map(BsonValue::asDocument).toList();
  }

  /** Reads an optional argument and hands it to {@code apply} when present. */
  static void ifPresent(Arguments args, String name, java.util.function.Consumer<BsonValue> apply) {
    BsonValue value = args.get(name);
    if (value != null) {
      apply.accept(value);
    }
  }
}
