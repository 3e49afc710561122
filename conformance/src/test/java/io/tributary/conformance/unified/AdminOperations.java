package io.tributary.conformance.unified;

import static io.tributary.conformance.unified.WriteOperations.ifPresent;

import com.mongodb.MongoNamespace;
import com.mongodb.client.ClientSession;
import com.mongodb.client.ListCollectionsIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.CreateViewOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ValidationOptions;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Database, collection and client operations that are not CRUD: runCommand, collection and index
 * management, listings and client close. Stateless.
 */
// spec: unified-test-format.md#database-operations, #runcommand
final class AdminOperations {

  private AdminOperations() {}

  static void register(OperationRegistry registry) {
    registry.add("runCommand", DatabaseEntity.class, AdminOperations::runCommand);
    registry.add("createCollection", DatabaseEntity.class, AdminOperations::createCollection);
    registry.add("modifyCollection", DatabaseEntity.class, AdminOperations::modifyCollection);
    registry.add("dropCollection", DatabaseEntity.class, AdminOperations::dropCollection);
    registry.add("listCollections", DatabaseEntity.class, AdminOperations::listCollections);
    registry.add("listDatabases", ClientEntity.class, (c, a, x) -> {
      ClientSession session = a.session();
      return ReadOperations.iterate(session == null ? c.client().listDatabases(BsonDocument.class)
          : c.client().listDatabases(session, BsonDocument.class));
    });
    registry.add("close", ClientEntity.class, (c, a, x) -> {
      c.close();
      return null;
    });
    registry.add("createIndex", CollectionEntity.class, AdminOperations::createIndex);
    registry.add("dropIndex", CollectionEntity.class, (c, a, x) -> {
      ClientSession session = a.session();
      String name = a.string("name");
      if (session == null) {
        c.collection().dropIndex(name);
      } else {
        c.collection().dropIndex(session, name);
      }
      return null;
    });
    registry.add("listIndexes", CollectionEntity.class, (c, a, x) -> {
      ClientSession session = a.session();
      return ReadOperations.iterate(session == null ? c.collection().listIndexes(BsonDocument.class)
          : c.collection().listIndexes(session, BsonDocument.class));
    });
    registry.add("rename", CollectionEntity.class, AdminOperations::rename);
  }

  private static Object runCommand(DatabaseEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    args.string("commandName");
    BsonDocument command = args.document("command");
    MongoDatabase database = target.database();
    if (args.has("readPreference")) {
      var readPreference = DriverOptions.readPreference(args.document("readPreference"));
      return session == null ? database.runCommand(command, readPreference, BsonDocument.class)
          : database.runCommand(session, command, readPreference, BsonDocument.class);
    }
    return session == null ? database.runCommand(command, BsonDocument.class)
        : database.runCommand(session, command, BsonDocument.class);
  }

  private static Object createCollection(DatabaseEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    String name = args.string("collection");
    MongoDatabase database = target.database();
    if (args.has("viewOn")) {
      String viewOn = args.string("viewOn");
      var pipeline = args.has("pipeline") ? args.documents("pipeline") : java.util.List.<BsonDocument>of();
      if (session == null) {
        database.createView(name, viewOn, pipeline, new CreateViewOptions());
      } else {
        database.createView(session, name, viewOn, pipeline, new CreateViewOptions());
      }
      return null;
    }
    CreateCollectionOptions options = new CreateCollectionOptions();
    ifPresent(args, "capped", v -> options.capped(v.asBoolean().getValue()));
    ifPresent(args, "size", v -> options.sizeInBytes(v.asNumber().longValue()));
    ifPresent(args, "max", v -> options.maxDocuments(v.asNumber().longValue()));
    ifPresent(args, "validator", v -> options.validationOptions(new ValidationOptions().validator(v.asDocument())));
    ifPresent(args, "expireAfterSeconds", v -> options.expireAfter(v.asNumber().longValue(), TimeUnit.SECONDS));
    ifPresent(args, "changeStreamPreAndPostImages", v -> options.changeStreamPreAndPostImagesOptions(
        new com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions(
            v.asDocument().getBoolean("enabled").getValue())));
    if (session == null) {
      database.createCollection(name, options);
    } else {
      database.createCollection(session, name, options);
    }
    return null;
  }

  /** The driver has no collMod helper, so its options become the fields of a {@code collMod} command. */
  private static Object modifyCollection(DatabaseEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    BsonDocument command = new BsonDocument("collMod", new BsonString(args.string("collection")));
    for (String option : new String[] {"validator", "validationLevel", "validationAction", "index",
        "changeStreamPreAndPostImages", "expireAfterSeconds", "viewOn", "pipeline"}) {
      ifPresent(args, option, value -> command.append(option, value));
    }
    return session == null ? target.database().runCommand(command, BsonDocument.class)
        : target.database().runCommand(session, command, BsonDocument.class);
  }

  private static Object dropCollection(DatabaseEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    MongoCollection<BsonDocument> collection = target.database().getCollection(args.string("collection"),
        BsonDocument.class);
    if (session == null) {
      collection.drop();
    } else {
      collection.drop(session);
    }
    return null;
  }

  private static Object listCollections(DatabaseEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    MongoDatabase database = target.database();
    ListCollectionsIterable<BsonDocument> collections = session == null
        ? database.listCollections(BsonDocument.class) : database.listCollections(session, BsonDocument.class);
    ifPresent(args, "filter", v -> collections.filter(v.asDocument()));
    ifPresent(args, "batchSize", v -> collections.batchSize(v.asNumber().intValue()));
    return ReadOperations.iterate(collections);
  }

  private static Object createIndex(CollectionEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    BsonDocument keys = args.document("keys");
    IndexOptions options = new IndexOptions();
    ifPresent(args, "name", v -> options.name(v.asString().getValue()));
    ifPresent(args, "unique", v -> options.unique(v.asBoolean().getValue()));
    ifPresent(args, "sparse", v -> options.sparse(v.asBoolean().getValue()));
    ifPresent(args, "expireAfterSeconds", v -> options.expireAfter(v.asNumber().longValue(), TimeUnit.SECONDS));
    MongoCollection<BsonDocument> collection = target.collection();
    return new BsonString(session == null ? collection.createIndex(keys, options)
        : collection.createIndex(session, keys, options));
  }

  private static Object rename(CollectionEntity target, Arguments args, TestContext context) {
    ClientSession session = args.session();
    MongoCollection<BsonDocument> collection = target.collection();
    MongoNamespace to = new MongoNamespace(collection.getNamespace().getDatabaseName(), args.string("to"));
    RenameCollectionOptions options = new RenameCollectionOptions();
    ifPresent(args, "dropTarget", v -> options.dropTarget(v.asBoolean().getValue()));
    if (session == null) {
      collection.renameCollection(to, options);
    } else {
      collection.renameCollection(session, to, options);
    }
    return null;
  }
}
