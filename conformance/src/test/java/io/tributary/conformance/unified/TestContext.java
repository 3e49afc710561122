package io.tributary.conformance.unified;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * The state of one running test: its entity map, the internal client, the server profile, the fail
 * points to disable afterwards, and a way to run nested operations (withTransaction callbacks).
 * Confined to the test's thread, except the entity map.
 */
public final class TestContext {

  private final Entities entities = new Entities();
  private final ValueMatcher matcher = new ValueMatcher(entities);
  private final List<BsonDocument> failPoints = new ArrayList<>();
  private final UnifiedTestRunner runner;

  TestContext(UnifiedTestRunner runner) {
    this.runner = runner;
  }

  public Entities entities() {
    return entities;
  }

  public ValueMatcher matcher() {
    return matcher;
  }

  public MongoClient internalClient() {
    return runner.internalClient();
  }

  public String connectionString() {
    return runner.connectionString();
  }

  /** Remembers a configured fail point so it is turned off after the test. */
  public void failPointConfigured(String name) {
    failPoints.add(new BsonDocument("configureFailPoint", new org.bson.BsonString(name))
        .append("mode", new org.bson.BsonString("off")));
  }

  List<BsonDocument> failPointsToDisable() {
    return failPoints;
  }

  /** Runs one operation document; with {@code propagateErrors}, its error is rethrown after its assertions. */
  public void runOperation(BsonDocument operation, boolean propagateErrors) {
    runner.runOperation(operation, this, propagateErrors);
  }
}
