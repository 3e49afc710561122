package io.tributary.conformance.unified;

import com.mongodb.ClientSessionOptions;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerApi;
import com.mongodb.ServerApiVersion;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Creates the entities of {@code createEntities}: clients (URI options, observed events, Stable
 * API), databases and collections (read/write concern and read preference options) and sessions.
 * {@code useMultipleMongoses} has no effect on the replica set the runner tests. Stateless.
 */
// spec: unified-test-format.md#entity
final class EntityFactory {

  private EntityFactory() {}

  static void createAll(BsonValue entities, TestContext context) {
    for (BsonValue entity : entities.asArray()) {
      create(entity.asDocument(), context);
    }
  }

  private static void create(BsonDocument entity, TestContext context) {
    if (entity.size() != 1) {
      throw new InvalidTestFile("an entity has exactly one key: " + entity);
    }
    String type = entity.getFirstKey();
    Arguments spec = new Arguments(entity.getDocument(type), context.entities());
    String id = spec.string("id");
    Object created = switch (type) {
      case "client" -> client(spec, context);
      case "database" -> database(spec, context.entities());
      case "collection" -> collection(spec, context.entities());
      case "session" -> session(spec, context.entities());
      default -> throw new UnsupportedFeature("entity type " + type);
    };
    spec.requireAllUsed(type + " entity");
    context.entities().put(id, created);
  }

  private static ClientEntity client(Arguments spec, TestContext context) {
    EventRecorder recorder = new EventRecorder(strings(spec.get("observeEvents")),
        strings(spec.get("ignoreCommandMonitoringEvents")),
        spec.has("observeSensitiveCommands") && spec.required("observeSensitiveCommands").asBoolean().getValue());
    spec.get("useMultipleMongoses");
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(withOptions(context.connectionString(),
            spec.documentOrEmpty("uriOptions"))))
        .addCommandListener(recorder)
        .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(recorder))
        .applyToClusterSettings(cluster -> cluster.addClusterListener(recorder));
    if (spec.has("serverApi")) {
      settings.serverApi(serverApi(spec.document("serverApi")));
    }
    return new ClientEntity(MongoClients.create(settings.build()), recorder);
  }

  private static ServerApi serverApi(BsonDocument document) {
    ServerApi.Builder api = ServerApi.builder()
        .version(ServerApiVersion.findByValue(document.getString("version").getValue()));
    if (document.containsKey("strict")) {
      api.strict(document.getBoolean("strict").getValue());
    }
    if (document.containsKey("deprecationErrors")) {
      api.deprecationErrors(document.getBoolean("deprecationErrors").getValue());
    }
    return api.build();
  }

  /** The connection string with {@code uriOptions} added, replacing options of the same name. */
  static String withOptions(String connectionString, BsonDocument uriOptions) {
    if (uriOptions.isEmpty()) {
      return connectionString;
    }
    int query = connectionString.indexOf('?');
    String base = query < 0 ? connectionString : connectionString.substring(0, query);
    Map<String, String> options = new LinkedHashMap<>();
    if (query >= 0) {
      for (String option : connectionString.substring(query + 1).split("&")) {
        if (!option.isEmpty()) {
          String[] pair = option.split("=", 2);
          options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
      }
    }
    for (Map.Entry<String, BsonValue> option : uriOptions.entrySet()) {
      options.keySet().removeIf(k -> k.equalsIgnoreCase(option.getKey()));
      options.put(option.getKey(), uriValue(option.getKey(), option.getValue()));
    }
    boolean hasPath = base.indexOf('/', base.indexOf("//") + 2) >= 0;
    StringBuilder uri = new StringBuilder(hasPath ? base : base + "/");
    uri.append('?');
    options.forEach((k, v) -> uri.append(k).append('=').append(v).append('&'));
    return uri.substring(0, uri.length() - 1);
  }

  private static String uriValue(String name, BsonValue value) {
    return switch (value.getBsonType()) {
      case STRING -> value.asString().getValue();
      case BOOLEAN -> String.valueOf(value.asBoolean().getValue());
      case INT32, INT64, DOUBLE -> String.valueOf(value.asNumber().longValue());
      default -> throw new UnsupportedFeature("URI option " + name + " = " + value);
    };
  }

  private static DatabaseEntity database(Arguments spec, Entities entities) {
    MongoDatabase database = entities.client(spec.string("client")).client()
        .getDatabase(spec.string("databaseName"));
    Arguments options = new Arguments(spec.documentOrEmpty("databaseOptions"), entities);
    if (options.has("readConcern")) {
      database = database.withReadConcern(DriverOptions.readConcern(options.document("readConcern")));
    }
    if (options.has("writeConcern")) {
      database = database.withWriteConcern(DriverOptions.writeConcern(options.document("writeConcern")));
    }
    if (options.has("readPreference")) {
      database = database.withReadPreference(DriverOptions.readPreference(options.document("readPreference")));
    }
    options.requireAllUsed("databaseOptions");
    return new DatabaseEntity(database);
  }

  private static CollectionEntity collection(Arguments spec, Entities entities) {
    MongoCollection<BsonDocument> collection = entities.get(spec.string("database"), DatabaseEntity.class)
        .database().getCollection(spec.string("collectionName"), BsonDocument.class);
    Arguments options = new Arguments(spec.documentOrEmpty("collectionOptions"), entities);
    if (options.has("readConcern")) {
      collection = collection.withReadConcern(DriverOptions.readConcern(options.document("readConcern")));
    }
    if (options.has("writeConcern")) {
      collection = collection.withWriteConcern(DriverOptions.writeConcern(options.document("writeConcern")));
    }
    if (options.has("readPreference")) {
      collection = collection.withReadPreference(DriverOptions.readPreference(options.document("readPreference")));
    }
    options.requireAllUsed("collectionOptions");
    return new CollectionEntity(collection);
  }

  private static Object session(Arguments spec, Entities entities) {
    ClientEntity client = entities.client(spec.string("client"));
    Arguments options = new Arguments(spec.documentOrEmpty("sessionOptions"), entities);
    ClientSessionOptions.Builder builder = ClientSessionOptions.builder();
    if (options.has("causalConsistency")) {
      builder.causallyConsistent(options.required("causalConsistency").asBoolean().getValue());
    }
    if (options.has("snapshot")) {
      builder.snapshot(options.required("snapshot").asBoolean().getValue());
    }
    if (options.has("defaultTransactionOptions")) {
      builder.defaultTransactionOptions(
          DriverOptions.transactionOptions(options.document("defaultTransactionOptions")));
    }
    options.requireAllUsed("sessionOptions");
    return client.client().startSession(builder.build());
  }

  private static Set<String> strings(BsonValue array) {
    Set<String> strings = new HashSet<>();
    if (array != null) {
      array.asArray().forEach(v -> strings.add(v.asString().getValue()));
    }
    return strings;
  }
}
