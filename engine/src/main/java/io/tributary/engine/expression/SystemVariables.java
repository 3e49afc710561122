package io.tributary.engine.expression;

import java.time.Clock;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * The variables fixed for one command: {@code $$NOW}, {@code $$CLUSTER_TIME} (null when unknown) and the
 * command's {@code let} values (already evaluated). Immutable; the {@code user} document must not be modified.
 */
public record SystemVariables(BsonDateTime now, BsonTimestamp clusterTime, BsonDocument user) {
  /** Variables with {@code $$NOW} read from {@code clock} and no cluster time or user variables. */
  public static SystemVariables at(Clock clock) {
    return new SystemVariables(new BsonDateTime(clock.millis()), null, new BsonDocument());
  }

  /** The same system variables with {@code user} as the user variables. */
  public SystemVariables withUser(BsonDocument values) {
    return new SystemVariables(now, clusterTime, values);
  }
}
