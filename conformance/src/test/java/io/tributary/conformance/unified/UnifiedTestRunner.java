package io.tributary.conformance.unified;

import com.mongodb.MongoCommandException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Runs unified-format tests against one deployment, through the real MongoDB Java driver. Before
 * each test it drops every user database (isolation on one shared server), loads {@code
 * initialData}, and creates the entities; it then runs the operations, disables fail points, checks
 * {@code expectEvents} and {@code outcome}, and closes the entities. A failure throws (an
 * {@link AssertionError}, a driver error, or {@link UnsupportedFeature}/{@link InvalidTestFile}).
 * One test at a time: not thread-safe.
 */
// spec: unified-test-format.md#test-runner-implementation
public final class UnifiedTestRunner {

  private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

  private final MongoClient internalClient;
  private final String connectionString;
  private final ServerProfile profile;
  private final OperationRegistry operations = OperationRegistry.standard();

  public UnifiedTestRunner(MongoClient internalClient, String connectionString, ServerProfile profile) {
    this.internalClient = internalClient;
    this.connectionString = connectionString;
    this.profile = profile;
  }

  MongoClient internalClient() {
    return internalClient;
  }

  String connectionString() {
    return connectionString;
  }

  public ServerProfile profile() {
    return profile;
  }

  /** Why the format says to skip this test here (requirements or skipReason), or empty. */
  public Optional<String> formatSkip(SpecTest test) {
    if (!test.file().schemaSupported()) {
      return Optional.empty();
    }
    Optional<String> fileUnmet = RunOnRequirements.unmet(test.file().runOnRequirements(), profile);
    if (fileUnmet.isPresent()) {
      return fileUnmet;
    }
    Optional<String> testUnmet = RunOnRequirements.unmet(test.runOnRequirements(), profile);
    return testUnmet.isPresent() ? testUnmet : Optional.ofNullable(test.skipReason()).map(r -> "skipReason: " + r);
  }

  /** Runs one test; returns normally when it passes. */
  public void run(SpecTest test) {
    if (!test.file().schemaSupported()) {
      throw new InvalidTestFile("unsupported schemaVersion " + test.file().document().get("schemaVersion"));
    }
    prepare(test.file());
    TestContext context = new TestContext(this);
    boolean passed = false;
    try {
      execute(test, context);
      passed = true;
    } finally {
      disableFailPoints(context);
      context.entities().close();
      if (!passed) {
        killAllSessions();
      }
    }
  }

  private void prepare(SpecFile file) {
    try {
      dropUserDatabases();
      loadInitialData(file.document().getArray("initialData", new BsonArray()));
    } catch (RuntimeException setup) {
      throw new SetupFailed(setup);
    }
  }

  /** Entities, operations, then (listeners off, fail points off) the event and outcome assertions. */
  private void execute(SpecTest test, TestContext context) {
    EntityFactory.createAll(test.file().document().getArray("createEntities", new BsonArray()), context);
    runOperations(test.document().getArray("operations"), context);
    context.entities().clients().forEach(client -> client.events().stop());
    disableFailPoints(context);
    if (test.document().containsKey("expectEvents")) {
      ExpectedEvents.check(test.document().get("expectEvents"), context.entities(), context.matcher());
    }
    checkOutcome(test.document().getArray("outcome", new BsonArray()));
  }

  private void runOperations(BsonArray operations, TestContext context) {
    for (BsonValue operation : operations) {
      runOperation(operation.asDocument(), context, false);
    }
  }

  /** Runs one operation and evaluates its expectError, expectResult and saveResultAsEntity. */
  void runOperation(BsonDocument operation, TestContext context, boolean propagateErrors) {
    String name = operation.getString("name").getValue();
    String object = operation.getString("object").getValue();
    Arguments arguments = new Arguments(operation.getDocument("arguments", new BsonDocument()), context.entities());
    if (object.equals("testRunner")) {
      runSpecial(name, arguments, context);
      return;
    }
    Object target = context.entities().get(object);
    Object result = null;
    RuntimeException error = null;
    try {
      result = operations.execute(name, target, arguments, context);
    } catch (UnsupportedFeature | InvalidTestFile runnerError) {
      throw runnerError;
    } catch (RuntimeException driverError) {
      error = driverError;
    } catch (Exception checked) {
      throw new IllegalStateException(checked);
    }
    arguments.requireAllUsed(name);
    OperationResult.evaluate(operation, result, error, context);
    if (propagateErrors && error != null) {
      throw error;
    }
  }

  private static void runSpecial(String name, Arguments arguments, TestContext context) {
    try {
      TestRunnerOperations.run(name, arguments, context);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
    arguments.requireAllUsed(name);
  }

  private void dropUserDatabases() {
    for (String database : internalClient.listDatabaseNames().into(new ArrayList<>())) {
      if (!SYSTEM_DATABASES.contains(database)) {
        internalClient.getDatabase(database).drop();
      }
    }
  }

  /** Drops, creates and fills each initial collection with majority write concern. */
  // spec: unified-test-format.md#executing-a-test (initialData)
  private void loadInitialData(BsonArray initialData) {
    for (BsonValue value : initialData) {
      BsonDocument data = value.asDocument();
      MongoDatabase database = internalClient.getDatabase(data.getString("databaseName").getValue())
          .withWriteConcern(WriteConcern.MAJORITY);
      String name = data.getString("collectionName").getValue();
      MongoCollection<BsonDocument> collection = database.getCollection(name, BsonDocument.class);
      collection.drop();
      List<BsonDocument> documents = data.getArray("documents").stream().map(BsonValue::asDocument).toList();
      if (data.containsKey("createOptions") || documents.isEmpty()) {
        BsonDocument create = new BsonDocument("create", new org.bson.BsonString(name))
            .append("writeConcern", new BsonDocument("w", new org.bson.BsonString("majority")));
        create.putAll(data.getDocument("createOptions", new BsonDocument()));
        database.runCommand(create);
      }
      if (!documents.isEmpty()) {
        collection.insertMany(documents);
      }
    }
  }

  /** Compares each outcome collection exactly (key order aside), read by _id with local read concern. */
  private void checkOutcome(BsonArray outcome) {
    for (BsonValue value : outcome) {
      BsonDocument expected = value.asDocument();
      List<BsonDocument> actual = internalClient.getDatabase(expected.getString("databaseName").getValue())
          .getCollection(expected.getString("collectionName").getValue(), BsonDocument.class)
          .withReadPreference(ReadPreference.primary()).withReadConcern(ReadConcern.LOCAL)
          .find().sort(new BsonDocument("_id", new org.bson.BsonInt32(1))).into(new ArrayList<>());
      List<BsonValue> expectedDocuments = expected.getArray("documents").getValues();
      if (!expectedDocuments.equals(new ArrayList<BsonValue>(actual))) {
        throw new AssertionError("outcome of " + expected.getString("collectionName").getValue()
            + ": expected " + expectedDocuments + " but found " + actual);
      }
    }
  }

  private void disableFailPoints(TestContext context) {
    for (BsonDocument off : context.failPointsToDisable()) {
      internalClient.getDatabase("admin").runCommand(off);
    }
    context.failPointsToDisable().clear();
  }

  /** Ends transactions a failed test may have left open; servers without the command are fine. */
  // spec: unified-test-format.md#terminating-open-transactions
  void killAllSessions() {
    try {
      internalClient.getDatabase("admin").runCommand(new BsonDocument("killAllSessions", new BsonArray()));
    } catch (MongoCommandException ignored) {
      // Interrupted (11601), Unauthorized (13) and an unimplemented command leave nothing to clean.
    }
  }
}
