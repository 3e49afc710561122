package io.tributary.conformance.unified;

import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Checks {@code expectEvents}: for each client, the observed events of the given kind match the
 * expected ones in number and order (a prefix when {@code ignoreExtraEvents}). Also matches a
 * single expected event, for waitForEvent and assertEventCount. Stateless.
 */
// spec: unified-test-format.md#expectedeventsforclient, #expectedevent
final class ExpectedEvents {

  private ExpectedEvents() {}

  static void check(BsonValue expectEvents, Entities entities, ValueMatcher matcher) {
    for (BsonValue forClient : expectEvents.asArray()) {
      BsonDocument expected = forClient.asDocument();
      String client = expected.getString("client").getValue();
      String kind = expected.getString("eventType", new org.bson.BsonString("command")).getValue();
      List<BsonValue> events = expected.getArray("events").getValues();
      boolean ignoreExtra = expected.getBoolean("ignoreExtraEvents", org.bson.BsonBoolean.FALSE).getValue();
      List<ObservedEvent> actual = entities.client(client).events().events(kind);
      if (ignoreExtra ? actual.size() < events.size() : actual.size() != events.size()) {
        throw new AssertionError(client + ": expected " + events.size() + " " + kind + " events but observed "
            + actual.size() + ": " + describe(actual));
      }
      for (int i = 0; i < events.size(); i++) {
        try {
          match(events.get(i).asDocument(), actual.get(i), matcher);
        } catch (AssertionError mismatch) {
          throw new AssertionError(client + " event " + i + ": " + mismatch.getMessage()
              + "; observed: " + describe(actual), mismatch);
        }
      }
    }
  }

  /** Whether one observed event matches an expected event, for waiting and counting. */
  static boolean matches(BsonDocument expected, ObservedEvent actual, ValueMatcher matcher) {
    try {
      match(expected, actual, matcher);
      return true;
    } catch (AssertionError mismatch) {
      return false;
    }
  }

  static void match(BsonDocument expected, ObservedEvent actual, ValueMatcher matcher) {
    String type = expected.getFirstKey();
    if (!type.equals(actual.type())) {
      throw new AssertionError("expected " + type + " but observed " + actual.type());
    }
    BsonDocument properties = actual.properties();
    for (Map.Entry<String, BsonValue> assertion : expected.getDocument(type).entrySet()) {
      BsonValue value = assertion.getValue();
      switch (assertion.getKey()) {
        case "command", "reply", "previousDescription", "newDescription" ->
            matcher.match(value, properties.get(assertion.getKey()), true);
        case "commandName", "databaseName", "interruptInUseConnections", "reason" ->
            matcher.match(value, properties.get(assertion.getKey()), false);
        case "hasServerConnectionId" -> require(properties.containsKey("serverConnectionId")
            == value.asBoolean().getValue(), "hasServerConnectionId " + value);
        case "hasServiceId" -> require(properties.containsKey("serviceId") == value.asBoolean().getValue(),
            "hasServiceId " + value);
        default -> throw new UnsupportedFeature("expected event property " + type + "." + assertion.getKey());
      }
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError("expected " + message);
    }
  }

  private static String describe(List<ObservedEvent> events) {
    return events.stream().map(e -> e.type().replace("Event", "")
        + (e.properties().containsKey("commandName") ? "(" + e.commandName() + ")" : "")).toList().toString();
  }
}
