package io.tributary.conformance.unified;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The special operations of {@code object: testRunner}: fail points, session and lsid assertions,
 * collection and index existence, createEntities, connection counts and event waits. Assertions
 * use the internal client where the format says so. Stateless.
 */
// spec: unified-test-format.md#special-test-operations
final class TestRunnerOperations {

  private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(10);

  private TestRunnerOperations() {}

  static void run(String name, Arguments args, TestContext context) throws InterruptedException {
    switch (name) {
      case "failPoint" -> failPoint(context.entities().client(args.string("client")), args, context);
      case "targetedFailPoint" -> targetedFailPoint(args, context);
      case "createEntities" -> EntityFactory.createAll(args.required("entities"), context);
      case "assertSessionDirty" -> require(args.session().getServerSession().isMarkedDirty(), "session dirty");
      case "assertSessionNotDirty" -> require(!args.session().getServerSession().isMarkedDirty(),
          "session not dirty");
      case "assertSessionPinned" -> require(args.session().getPinnedServerAddress() != null, "session pinned");
      case "assertSessionUnpinned" -> require(args.session().getPinnedServerAddress() == null, "session unpinned");
      case "assertSessionTransactionState" -> transactionState(args.session(), args.string("state"));
      case "assertSameLsidOnLastTwoCommands" -> lastTwoLsids(args, context, true);
      case "assertDifferentLsidOnLastTwoCommands" -> lastTwoLsids(args, context, false);
      case "assertCollectionExists" -> require(collectionExists(args, context), "collection exists");
      case "assertCollectionNotExists" -> require(!collectionExists(args, context), "collection does not exist");
      case "assertIndexExists" -> require(indexExists(args, context), "index exists");
      case "assertIndexNotExists" -> require(!indexExists(args, context), "index does not exist");
      case "assertNumberConnectionsCheckedOut" -> assertCheckedOut(args, context);
      case "waitForEvent" -> waitForEvent(args, context);
      case "assertEventCount" -> assertEventCount(args, context);
      default -> throw new UnsupportedFeature("special test operation " + name);
    }
  }

  private static void failPoint(ClientEntity client, Arguments args, TestContext context) {
    BsonDocument command = args.document("failPoint");
    client.client().getDatabase("admin").runCommand(command);
    context.failPointConfigured(command.getString("configureFailPoint").getValue());
  }

  /** Only meaningful for a session pinned to a mongos; on other topologies that is a test error. */
  private static void targetedFailPoint(Arguments args, TestContext context) {
    ClientSession session = args.session();
    args.document("failPoint");
    if (session.getPinnedServerAddress() == null) {
      throw new InvalidTestFile("targetedFailPoint needs a session pinned to a mongos");
    }
    throw new UnsupportedFeature("targetedFailPoint on a pinned session");
  }

  /**
   * The Java driver exposes only whether a transaction is active, so {@code starting} and {@code
   * in_progress} are told apart from {@code none}, {@code committed} and {@code aborted}, no finer.
   */
  private static void transactionState(ClientSession session, String state) {
    boolean active = state.equals("starting") || state.equals("in_progress");
    require(session.hasActiveTransaction() == active, "transaction state " + state);
  }

  private static void lastTwoLsids(Arguments args, TestContext context, boolean same) {
    List<ObservedEvent> started = context.entities().client(args.string("client")).events().events("command")
        .stream().filter(e -> e.type().equals("commandStartedEvent")).toList();
    require(started.size() >= 2, "at least two commandStartedEvents");
    BsonValue last = started.get(started.size() - 1).properties().getDocument("command").get("lsid");
    BsonValue previous = started.get(started.size() - 2).properties().getDocument("command").get("lsid");
    require(last != null && previous != null, "an lsid on the last two commands");
    require(last.equals(previous) == same, (same ? "the same" : "different") + " lsid on the last two commands");
  }

  private static boolean collectionExists(Arguments args, TestContext context) {
    MongoDatabase database = context.internalClient().getDatabase(args.string("databaseName"));
    return database.listCollectionNames().into(new ArrayList<>()).contains(args.string("collectionName"));
  }

  private static boolean indexExists(Arguments args, TestContext context) {
    String index = args.string("indexName");
    return context.internalClient().getDatabase(args.string("databaseName"))
        .getCollection(args.string("collectionName")).listIndexes(BsonDocument.class).into(new ArrayList<>())
        .stream().anyMatch(i -> i.getString("name").getValue().equals(index));
  }

  private static void assertCheckedOut(Arguments args, TestContext context) {
    int expected = args.required("connections").asNumber().intValue();
    int actual = context.entities().client(args.string("client")).events().checkedOutConnections();
    require(actual == expected, expected + " connections checked out (actually " + actual + ")");
  }

  private static void waitForEvent(Arguments args, TestContext context) throws InterruptedException {
    BsonDocument event = args.document("event");
    int count = args.required("count").asNumber().intValue();
    EventRecorder events = context.entities().client(args.string("client")).events();
    require(events.await(e -> ExpectedEvents.matches(event, e, context.matcher()), count, WAIT_TIMEOUT),
        count + " events " + event + " within " + WAIT_TIMEOUT.toSeconds() + " s");
  }

  private static void assertEventCount(Arguments args, TestContext context) {
    BsonDocument event = args.document("event");
    int count = args.required("count").asNumber().intValue();
    long actual = context.entities().client(args.string("client")).events().events().stream()
        .filter(e -> ExpectedEvents.matches(event, e, context.matcher())).count();
    require(actual == count, count + " events " + event + " (actually " + actual + ")");
  }

  private static void require(boolean condition, String expectation) {
    if (!condition) {
      throw new AssertionError("expected " + expectation);
    }
  }
}
