package io.tributary.conformance.unified;

import org.bson.BsonDocument;

/**
 * What the server under test truthfully reports about itself, against which {@code
 * runOnRequirements} are evaluated: its {@code buildInfo} version, its topology as the unified test
 * format names it ({@code single}, {@code replicaset}, {@code sharded}, {@code load-balanced}), the
 * {@code getParameter: "*"} reply, and whether authentication is enabled. Serverless and CSFLE are
 * never claimed: the runner has no serverless deployment and no libmongocrypt. Immutable.
 */
public record ServerProfile(
    Version version, String topology, boolean auth, BsonDocument serverParameters) {

  /** Reads the profile from a server through {@code buildInfo}, {@code hello} and {@code getParameter}. */
  public static ServerProfile probe(CommandRunner admin) {
    BsonDocument buildInfo = admin.run(new BsonDocument("buildInfo", new org.bson.BsonInt32(1)));
    Version version = buildInfo.containsKey("versionArray")
        ? Version.fromVersionArray(buildInfo.getArray("versionArray"))
        : Version.parse(buildInfo.getString("version").getValue());
    BsonDocument hello = admin.run(new BsonDocument("hello", new org.bson.BsonInt32(1)));
    BsonDocument parameters;
    try {
      parameters = admin.run(BsonDocument.parse("{getParameter: '*'}"));
    } catch (RuntimeException unsupported) {
      parameters = new BsonDocument();
    }
    return new ServerProfile(version, topologyOf(hello), false, parameters);
  }

  static String topologyOf(BsonDocument hello) {
    if (hello.containsKey("serviceId")) {
      return "load-balanced";
    }
    if ("isdbgrid".equals(hello.getString("msg", new org.bson.BsonString("")).getValue())) {
      return "sharded";
    }
    return hello.containsKey("setName") ? "replicaset" : "single";
  }

  /** Runs one command on the admin database and returns its reply; failures throw. */
  @FunctionalInterface
  public interface CommandRunner {
    BsonDocument run(BsonDocument command);
  }
}
