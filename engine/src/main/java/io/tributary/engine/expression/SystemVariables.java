package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * What is fixed for one command's expressions: {@code $$NOW}, {@code $$CLUSTER_TIME} (null when unknown), the
 * command's {@code let} values (already evaluated) and its collation, by which expressions compare strings.
 * Immutable; the {@code user} document must not be modified.
 */
public record SystemVariables(BsonDateTime now, BsonTimestamp clusterTime, BsonDocument user, Collation collation) {
  /** Variables under the simple collation. */
  public SystemVariables(BsonDateTime now, BsonTimestamp clusterTime, BsonDocument user) {
    this(now, clusterTime, user, Collation.SIMPLE);
  }

  /** Variables with {@code $$NOW} read from {@code clock} and no cluster time or user variables. */
  public static SystemVariables at(Clock clock) {
    return new SystemVariables(new BsonDateTime(clock.millis()), null, new BsonDocument());
  }

  /**
   * The same system variables with a command's {@code let} option added to the user variables: each
   * {@code name: expression} is validated, evaluated once (seeing the variables before it) and bound. Commands
   * pass the result to {@code Matcher.compile(filter, variables)} and to pipelines.
   */
  public SystemVariables withLet(BsonDocument let) {
    BsonDocument values = user.clone();
    ParseContext context = ParseContext.EMPTY.withVariables(values.keySet());
    for (Map.Entry<String, BsonValue> variable : let.entrySet()) {
      ParseContext.validateUserVariableName(variable.getKey());
      BsonValue value = Expressions.parse(variable.getValue(), context)
          .evaluate(Scope.of(new BsonDocument(), withUser(values)));
      values.put(variable.getKey(), value == null ? BsonNull.VALUE : value);
      context = context.withVariables(List.of(variable.getKey()));
    }
    return withUser(values);
  }

  /** The same system variables with {@code user} as the user variables. */
  public SystemVariables withUser(BsonDocument values) {
    return new SystemVariables(now, clusterTime, values, collation);
  }

  /** The same variables under {@code collation}. */
  public SystemVariables withCollation(Collation collation) {
    return new SystemVariables(now, clusterTime, user, collation);
  }
}
