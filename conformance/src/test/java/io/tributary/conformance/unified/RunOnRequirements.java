package io.tributary.conformance.unified;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Evaluates a {@code runOnRequirements} array against a {@link ServerProfile}: the array is met when
 * any one requirement is met, and a requirement is met when all of its fields are. Stateless.
 */
// spec: unified-test-format.md#runonrequirement
public final class RunOnRequirements {

  private RunOnRequirements() {}

  /**
   * Returns empty when the requirements are met (or absent), otherwise why none was, for example
   * {@code "needs topology [sharded]"}.
   */
  public static Optional<String> unmet(BsonArray requirements, ServerProfile server) {
    if (requirements == null || requirements.isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    for (BsonValue requirement : requirements) {
      Optional<String> reason = unmetBy(requirement.asDocument(), server);
      if (reason.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(reason.get());
    }
    return Optional.of(String.join(" or ", reasons));
  }

  private static Optional<String> unmetBy(BsonDocument requirement, ServerProfile server) {
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, BsonValue> field : requirement.entrySet()) {
      check(field.getKey(), field.getValue(), server).ifPresent(reasons::add);
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
  }

  private static Optional<String> check(String name, BsonValue value, ServerProfile server) {
    return switch (name) {
      case "minServerVersion" -> server.version().isAtLeast(Version.parse(value.asString().getValue()))
          ? Optional.empty() : Optional.of("needs server >= " + value.asString().getValue());
      case "maxServerVersion" -> Version.parse(value.asString().getValue()).isAtLeast(server.version())
          ? Optional.empty() : Optional.of("needs server <= " + value.asString().getValue());
      case "topologies" -> topologyMatches(value.asArray(), server.topology())
          ? Optional.empty() : Optional.of("needs topology " + strings(value.asArray()));
      case "serverless" -> "require".equals(value.asString().getValue())
          ? Optional.of("needs serverless") : Optional.empty();
      case "auth" -> value.asBoolean().getValue() == server.auth()
          ? Optional.empty() : Optional.of(value.asBoolean().getValue() ? "needs auth" : "needs no auth");
      case "authMechanism" -> Optional.of("needs auth mechanism " + value.asString().getValue());
      case "csfle" -> isFalse(value) ? Optional.empty() : Optional.of("needs CSFLE");
      case "serverParameters" -> parametersUnmet(value.asDocument(), server.serverParameters());
      default -> throw new UnsupportedFeature("runOnRequirement field " + name);
    };
  }

  private static boolean topologyMatches(BsonArray topologies, String actual) {
    for (BsonValue topology : topologies) {
      String wanted = topology.asString().getValue();
      if (wanted.equals(actual) || ("sharded-replicaset".equals(wanted) && "sharded".equals(actual))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFalse(BsonValue csfle) {
    return csfle.isBoolean() && !csfle.asBoolean().getValue();
  }

  private static Optional<String> parametersUnmet(BsonDocument wanted, BsonDocument actual) {
    for (Map.Entry<String, BsonValue> parameter : wanted.entrySet()) {
      BsonValue value = actual.get(parameter.getKey());
      if (value == null || !ValueMatcher.scalarsEqual(parameter.getValue(), value)) {
        return Optional.of("needs server parameter " + parameter.getKey() + "=" + parameter.getValue());
      }
    }
    return Optional.empty();
  }

  private static List<String> strings(BsonArray values) {
    return values.stream().map(v -> v.asString().getValue()).toList();
  }
}
